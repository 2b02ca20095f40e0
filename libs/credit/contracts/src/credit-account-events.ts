import { readPayload } from '@crm/contract-fields';

export const CREDIT_GRADE_APPROVED = 'CreditGradeApproved';
export const CREDIT_LIMIT_GRANTED = 'CreditLimitGranted';
export const CREDIT_LIMIT_ADJUSTED = 'CreditLimitAdjusted';
export const CREDIT_ACCOUNT_BLOCKED = 'CreditAccountBlocked';
export const CREDIT_ACCOUNT_UNBLOCKED = 'CreditAccountUnblocked';
export const CREDIT_SALE_APPROVED = 'CreditSaleApproved';
export const CREDIT_SALE_HELD = 'CreditSaleHeld';

export const CREDIT_GRADES = ['A', 'B', 'C'] as const;
export type CreditGradeV1 = (typeof CREDIT_GRADES)[number];

export const CREDIT_ORDER_KINDS = ['credit_sale', 'prepayment'] as const;
export type CreditOrderKindV1 = (typeof CREDIT_ORDER_KINDS)[number];

/**
 * All credit events are keyed by `accountId`; for a customer counterparty `customerId` is the
 * customers service's id (absent for suppliers). `policyVersion` is the credit policy applied.
 */

/** A grade took effect after the GM's approval (CRD-26). */
export type CreditGradeApprovedV1 = {
  readonly accountId: string;
  readonly customerId?: string;
  readonly grade: CreditGradeV1;
  readonly previousGrade?: CreditGradeV1;
  readonly approvedAt: string;
  readonly policyVersion: string;
};

/** A limit took effect after the GM and the chairman confirmed it (CRD-37). */
export type CreditLimitGrantedV1 = {
  readonly accountId: string;
  readonly customerId?: string;
  readonly limitFen: number;
  readonly termDays: number;
  readonly grantType: 'temporary' | 'long_term';
  readonly effectiveAt: string;
  readonly policyVersion: string;
};

/** A review changed an effective limit (CRD-53); `exception` when it did not lower it (CRD-54). */
export type CreditLimitAdjustedV1 = {
  readonly accountId: string;
  readonly customerId?: string;
  readonly previousLimitFen: number;
  readonly limitFen: number;
  readonly exception: boolean;
  readonly effectiveAt: string;
  readonly policyVersion: string;
};

/** New credit is blocked because an invoice is overdue (domain §5.5). */
export type CreditAccountBlockedV1 = {
  readonly accountId: string;
  readonly customerId?: string;
  readonly reason: 'overdue_invoice';
  readonly blockedAt: string;
};

export type CreditAccountUnblockedV1 = {
  readonly accountId: string;
  readonly customerId?: string;
  readonly unblockedAt: string;
};

export type CreditSaleApprovedV1 = {
  readonly accountId: string;
  readonly customerId?: string;
  readonly orderId: string;
  readonly kind: CreditOrderKindV1;
  readonly amountFen: number;
  readonly decidedAt: string;
  readonly policyVersion: string;
};

/** The order waits for a marketing-VP decision; `reasons` lists every hold reason found. */
export type CreditSaleHeldV1 = CreditSaleApprovedV1 & { readonly reasons: readonly string[] };

const customer = (customerId: string | undefined) => (customerId !== undefined ? { customerId } : {});

export const parseCreditGradeApprovedV1 = (data: unknown): CreditGradeApprovedV1 => {
  const r = readPayload(CREDIT_GRADE_APPROVED, data);
  const previous = r.optionalText('previousGrade');
  return {
    accountId: r.text('accountId'),
    ...customer(r.optionalText('customerId')),
    grade: r.oneOf('grade', CREDIT_GRADES),
    ...(previous !== undefined ? { previousGrade: r.oneOf('previousGrade', CREDIT_GRADES) } : {}),
    approvedAt: r.instant('approvedAt'),
    policyVersion: r.text('policyVersion'),
  };
};

export const parseCreditLimitGrantedV1 = (data: unknown): CreditLimitGrantedV1 => {
  const r = readPayload(CREDIT_LIMIT_GRANTED, data);
  return {
    accountId: r.text('accountId'),
    ...customer(r.optionalText('customerId')),
    limitFen: r.fen('limitFen'),
    termDays: r.integer('termDays', { min: 1 }),
    grantType: r.oneOf('grantType', ['temporary', 'long_term'] as const),
    effectiveAt: r.instant('effectiveAt'),
    policyVersion: r.text('policyVersion'),
  };
};

export const parseCreditLimitAdjustedV1 = (data: unknown): CreditLimitAdjustedV1 => {
  const r = readPayload(CREDIT_LIMIT_ADJUSTED, data);
  return {
    accountId: r.text('accountId'),
    ...customer(r.optionalText('customerId')),
    previousLimitFen: r.fen('previousLimitFen'),
    limitFen: r.fen('limitFen'),
    exception: r.boolean('exception'),
    effectiveAt: r.instant('effectiveAt'),
    policyVersion: r.text('policyVersion'),
  };
};

export const parseCreditAccountBlockedV1 = (data: unknown): CreditAccountBlockedV1 => {
  const r = readPayload(CREDIT_ACCOUNT_BLOCKED, data);
  return {
    accountId: r.text('accountId'),
    ...customer(r.optionalText('customerId')),
    reason: r.oneOf('reason', ['overdue_invoice'] as const),
    blockedAt: r.instant('blockedAt'),
  };
};

export const parseCreditAccountUnblockedV1 = (data: unknown): CreditAccountUnblockedV1 => {
  const r = readPayload(CREDIT_ACCOUNT_UNBLOCKED, data);
  return {
    accountId: r.text('accountId'),
    ...customer(r.optionalText('customerId')),
    unblockedAt: r.instant('unblockedAt'),
  };
};

const readSale = (type: string, data: unknown): CreditSaleApprovedV1 => {
  const r = readPayload(type, data);
  return {
    accountId: r.text('accountId'),
    ...customer(r.optionalText('customerId')),
    orderId: r.text('orderId'),
    kind: r.oneOf('kind', CREDIT_ORDER_KINDS),
    amountFen: r.integer('amountFen', { min: 1 }),
    decidedAt: r.instant('decidedAt'),
    policyVersion: r.text('policyVersion'),
  };
};

export const parseCreditSaleApprovedV1 = (data: unknown): CreditSaleApprovedV1 =>
  readSale(CREDIT_SALE_APPROVED, data);

export const parseCreditSaleHeldV1 = (data: unknown): CreditSaleHeldV1 => ({
  ...readSale(CREDIT_SALE_HELD, data),
  reasons: readPayload(CREDIT_SALE_HELD, data).textList('reasons'),
});

export const CREDIT_CONTRACT_EVENT_TYPES = [
  CREDIT_GRADE_APPROVED,
  CREDIT_LIMIT_GRANTED,
  CREDIT_LIMIT_ADJUSTED,
  CREDIT_ACCOUNT_BLOCKED,
  CREDIT_ACCOUNT_UNBLOCKED,
  CREDIT_SALE_APPROVED,
  CREDIT_SALE_HELD,
] as const;
