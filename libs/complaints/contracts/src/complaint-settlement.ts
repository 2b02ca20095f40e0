import { readPayload } from '@crm/contract-fields';

export const COMPLAINT_SETTLEMENT_APPROVED = 'ComplaintSettlementApproved';
export const COMPLAINT_NOT_ESTABLISHED = 'ComplaintNotEstablished';

export const SETTLEMENT_KINDS = ['allowance', 'return'] as const;
export type SettlementKindV1 = (typeof SETTLEMENT_KINDS)[number];

/**
 * An approved allowance or return (domain §4.8): the credit service turns it into exactly one
 * credit note on the customer's receivables, keyed by `settlementId`.
 */
export type ComplaintSettlementApprovedV1 = {
  readonly settlementId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly kind: SettlementKindV1;
  readonly amountFen: number;
  readonly approvedBy: string;
  readonly approvedAt: string;
  readonly policyVersion: number;
};

/** The complaint was found not established: collection goes on unpaused. */
export type ComplaintNotEstablishedV1 = {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly decidedAt: string;
};

export const parseComplaintSettlementApprovedV1 = (data: unknown): ComplaintSettlementApprovedV1 => {
  const r = readPayload(COMPLAINT_SETTLEMENT_APPROVED, data);
  return {
    settlementId: r.text('settlementId'),
    caseId: r.text('caseId'),
    caseNumber: r.text('caseNumber'),
    customerId: r.text('customerId'),
    kind: r.oneOf('kind', SETTLEMENT_KINDS),
    amountFen: r.integer('amountFen', { min: 1 }),
    approvedBy: r.text('approvedBy'),
    approvedAt: r.instant('approvedAt'),
    policyVersion: r.integer('policyVersion', { min: 1 }),
  };
};

export const parseComplaintNotEstablishedV1 = (data: unknown): ComplaintNotEstablishedV1 => {
  const r = readPayload(COMPLAINT_NOT_ESTABLISHED, data);
  return {
    caseId: r.text('caseId'),
    caseNumber: r.text('caseNumber'),
    customerId: r.text('customerId'),
    decidedAt: r.instant('decidedAt'),
  };
};
