import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedPersonalData } from '@crm/customers-domain';

export const PII_ALG = 'AES-256-GCM';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export const newDataKey = (): Buffer => randomBytes(KEY_BYTES);

/**
 * AES-256-GCM with the customer id as additional authenticated data, so a ciphertext copied onto
 * another customer's record fails to open instead of showing someone else's data.
 * Layout of `ciphertext` (base64): iv (12) | tag (16) | encrypted JSON.
 */
export const sealWithKey = (
  key: Buffer,
  keyId: string,
  customerId: string,
  plain: object,
): SealedPersonalData => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(customerId, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
  return {
    alg: PII_ALG,
    keyId,
    ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
  };
};

/** Throws when the data was altered, belongs to another customer or was sealed with another key. */
export const openWithKey = (key: Buffer, customerId: string, sealed: SealedPersonalData): unknown => {
  if (sealed.alg !== PII_ALG) throw new Error(`unsupported personal data algorithm ${sealed.alg}`);
  const raw = Buffer.from(sealed.ciphertext, 'base64');
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new Error('personal data ciphertext is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(customerId, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
};
