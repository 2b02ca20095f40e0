import { readPayload } from '@crm/contract-fields';
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

/**
 * Checks a received payload against the v1 contract (consumers send what fails to their DLQ).
 * Unknown extra fields are ignored: producers may add fields within v1.
 */
export const parseCustomerRegisteredV1 = (data: unknown): CustomerRegisteredV1 => {
  const r = readPayload(CUSTOMER_REGISTERED, data);
  const pd = r.object('personalData');
  const referredBy = r.optionalText('referredBy');
  return {
    customerId: r.text('customerId'),
    ownerBu: r.text('ownerBu'),
    ownerEmployeeId: r.text('ownerEmployeeId'),
    source: r.oneOf('source', CUSTOMER_REGISTRATION_SOURCES),
    registeredAt: r.instant('registeredAt'),
    ...(referredBy !== undefined ? { referredBy } : {}),
    personalData: {
      alg: pd.oneOf('alg', ['AES-256-GCM'] as const),
      keyId: pd.text('keyId'),
      ciphertext: pd.text('ciphertext'),
    },
  };
};
