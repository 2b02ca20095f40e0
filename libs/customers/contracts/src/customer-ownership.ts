import { readPayload } from '@crm/contract-fields';

export const CUSTOMER_OWNERSHIP_CHANGED = 'CustomerOwnershipChanged';
export const CUSTOMER_SERVICE_LAPSED = 'CustomerServiceLapsed';
export const CUSTOMER_LAPSE_CLEARED = 'CustomerLapseCleared';
export const CUSTOMER_FORGOTTEN = 'CustomerForgotten';

/** Why a customer changed hands (domain §2.4–2.5); every change names its decider and policy version. */
export const OWNERSHIP_CHANGE_REASONS = [
  'batch_allocation',
  'director_decision',
  'service_lapse',
  'unresolved_complaint',
  'staff_absence',
  'ownership_ruling',
] as const;
export type OwnershipChangeReasonV1 = (typeof OWNERSHIP_CHANGE_REASONS)[number];

/** The customer now belongs to `toEmployeeId` of `toBu`; a lapsed customer is no longer open after this. */
export type CustomerOwnershipChangedV1 = {
  readonly customerId: string;
  readonly fromBu: string;
  readonly fromEmployeeId: string;
  readonly toBu: string;
  readonly toEmployeeId: string;
  readonly reason: OwnershipChangeReasonV1;
  readonly decidedBy: string;
  readonly policyVersion: number;
  readonly changedAt: string;
};

/** No qualifying service for the policy's period (ARC-70): from now on other BUs may invite the customer. */
export type CustomerServiceLapsedV1 = {
  readonly customerId: string;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly lastServiceAt: string;
  readonly lapsedAt: string;
  readonly policyVersion: number;
};

/** The owner served a lapsed customer before any reassignment: the customer is no longer open to other BUs. */
export type CustomerLapseClearedV1 = {
  readonly customerId: string;
  readonly ownerBu: string;
  readonly clearedAt: string;
};

/** The customer's key is gone (PIPL art. 47): consumers drop any sealed personal data they hold. */
export type CustomerForgottenV1 = {
  readonly customerId: string;
  readonly forgottenAt: string;
};

export const parseCustomerOwnershipChangedV1 = (data: unknown): CustomerOwnershipChangedV1 => {
  const r = readPayload(CUSTOMER_OWNERSHIP_CHANGED, data);
  return {
    customerId: r.text('customerId'),
    fromBu: r.text('fromBu'),
    fromEmployeeId: r.text('fromEmployeeId'),
    toBu: r.text('toBu'),
    toEmployeeId: r.text('toEmployeeId'),
    reason: r.oneOf('reason', OWNERSHIP_CHANGE_REASONS),
    decidedBy: r.text('decidedBy'),
    policyVersion: r.integer('policyVersion', { min: 1 }),
    changedAt: r.instant('changedAt'),
  };
};

export const parseCustomerServiceLapsedV1 = (data: unknown): CustomerServiceLapsedV1 => {
  const r = readPayload(CUSTOMER_SERVICE_LAPSED, data);
  return {
    customerId: r.text('customerId'),
    ownerBu: r.text('ownerBu'),
    ownerEmployeeId: r.text('ownerEmployeeId'),
    lastServiceAt: r.instant('lastServiceAt'),
    lapsedAt: r.instant('lapsedAt'),
    policyVersion: r.integer('policyVersion', { min: 1 }),
  };
};

export const parseCustomerLapseClearedV1 = (data: unknown): CustomerLapseClearedV1 => {
  const r = readPayload(CUSTOMER_LAPSE_CLEARED, data);
  return { customerId: r.text('customerId'), ownerBu: r.text('ownerBu'), clearedAt: r.instant('clearedAt') };
};

export const parseCustomerForgottenV1 = (data: unknown): CustomerForgottenV1 => {
  const r = readPayload(CUSTOMER_FORGOTTEN, data);
  return { customerId: r.text('customerId'), forgottenAt: r.instant('forgottenAt') };
};
