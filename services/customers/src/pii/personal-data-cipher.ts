import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
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

/** Identifies a master key without revealing it: which KEK wrapped a row is stored with the row. */
export const masterKeyId = (masterKey: Buffer): string =>
  createHash('sha256').update('pii-kek-id:').update(masterKey).digest('hex').slice(0, 16);

const wrapAad = (customerId: string, keyId: string): Buffer =>
  Buffer.from(`pii-key:${customerId}:${keyId}`, 'utf8');

/**
 * Envelope encryption of a customer's data key under the master key (KEK): a copy of the key table
 * alone (a backup, a replica) opens nothing. Bound to the customer and key id, so a wrapped key
 * moved onto another row fails to unwrap. Layout: iv (12) | tag (16) | wrapped key (32).
 */
export const wrapDataKey = (
  masterKey: Buffer,
  customerId: string,
  keyId: string,
  dataKey: Buffer,
): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(wrapAad(customerId, keyId));
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
};

export const unwrapDataKey = (
  masterKey: Buffer,
  customerId: string,
  keyId: string,
  wrapped: Buffer,
): Buffer => {
  const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(wrapAad(customerId, keyId));
  decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
};
