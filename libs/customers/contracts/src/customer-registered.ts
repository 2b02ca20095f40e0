import type { SealedPersonalDataV1 } from './sealed-personal-data';

export const CUSTOMER_REGISTRATION_SOURCES = ['outreach', 'walk_in', 'phone', 'referral', 'event'] as const;
export type CustomerRegistrationSourceV1 = (typeof CUSTOMER_REGISTRATION_SOURCES)[number];

/**
 * `CustomerRegistered` v1: a customer record now exists and is owned by `ownerEmployeeId` of
 * `ownerBu`. `registeredAt` is server time (ISO-8601, UTC) and never changes (first registration
 * wins, ARC-20). `referredBy` is the referring customer's id.
 */
export type CustomerRegisteredV1 = {
  readonly customerId: string;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly source: CustomerRegistrationSourceV1;
  readonly registeredAt: string;
  readonly referredBy?: string;
  readonly personalData: SealedPersonalDataV1;
};

export const CUSTOMER_REGISTERED = 'CustomerRegistered';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (obj: Record<string, unknown>, field: string, path = field): string => {
  const value = obj[field];
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${path} must be a non-empty string`);
  return value;
};

/**
 * Checks a received payload against the v1 contract (consumers send what fails to their DLQ).
 * Unknown extra fields are ignored: producers may add fields within v1.
 */
export const parseCustomerRegisteredV1 = (data: unknown): CustomerRegisteredV1 => {
  if (!isRecord(data)) throw new Error('CustomerRegistered data must be an object');
  const source = text(data, 'source');
  if (!(CUSTOMER_REGISTRATION_SOURCES as readonly string[]).includes(source)) {
    throw new Error(`source must be one of ${CUSTOMER_REGISTRATION_SOURCES.join(', ')}`);
  }
  const registeredAt = text(data, 'registeredAt');
  if (Number.isNaN(Date.parse(registeredAt))) throw new Error('registeredAt must be an ISO-8601 instant');
  const pd = data['personalData'];
  if (!isRecord(pd)) throw new Error('personalData must be an object');
  if (pd['alg'] !== 'AES-256-GCM') throw new Error('personalData.alg must be AES-256-GCM');
  const referredBy = data['referredBy'];
  if (referredBy !== undefined && (typeof referredBy !== 'string' || referredBy.length === 0)) {
    throw new Error('referredBy must be a non-empty string when present');
  }
  return {
    customerId: text(data, 'customerId'),
    ownerBu: text(data, 'ownerBu'),
    ownerEmployeeId: text(data, 'ownerEmployeeId'),
    source: source as CustomerRegistrationSourceV1,
    registeredAt,
    ...(typeof referredBy === 'string' ? { referredBy } : {}),
    personalData: {
      alg: 'AES-256-GCM',
      keyId: text(pd, 'keyId', 'personalData.keyId'),
      ciphertext: text(pd, 'ciphertext', 'personalData.ciphertext'),
    },
  };
};
