import { readPayload } from '@crm/contract-fields';

export const COMPLAINT_CASE_REGISTERED = 'ComplaintCaseRegistered';
export const COMPLAINT_CASE_OVERDUE = 'ComplaintCaseOverdue';
export const COMPLAINT_FINE_ISSUED = 'ComplaintFineIssued';

export const CASE_KINDS_V1 = ['inquiry', 'suggestion', 'complaint', 'grievance'] as const;
export const FINE_PAYEE_ROLES_V1 = ['employee', 'bu_manager'] as const;

/**
 * A case was registered (domain §4.2). No subject or description: they may hold personal data,
 * and other services only need who and which BU the case concerns.
 */
export type ComplaintCaseRegisteredV1 = {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly kind: (typeof CASE_KINDS_V1)[number];
  readonly channel: string;
  readonly customerId: string;
  readonly concernedBu: string;
  readonly concernedEmployeeId: string;
  readonly registeredAt: string;
};

/** A case passed its deadline unresolved (CMP-OVD-03). */
export type ComplaintCaseOverdueV1 = {
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly dueAt: string;
  readonly detectedAt: string;
};

/**
 * Legacy: published until the company-wide `FineIssued` contract (`@crm/penalties-contracts`)
 * replaced it; still read from the topic's history by the penalties service.
 */
/** A fine (CMP-30/31/32) for the penalty ledgers of payroll or analytics. `employeeId` absent for a BU manager. */
export type ComplaintFineIssuedV1 = {
  readonly fineId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly payeeRole: (typeof FINE_PAYEE_ROLES_V1)[number];
  readonly payeeBu: string;
  readonly payeeEmployeeId?: string;
  readonly amountFen: number;
  readonly rule: string;
  readonly policyVersion: string;
  readonly issuedAt: string;
};

export const parseComplaintCaseRegisteredV1 = (data: unknown): ComplaintCaseRegisteredV1 => {
  const r = readPayload(COMPLAINT_CASE_REGISTERED, data);
  return {
    caseId: r.text('caseId'),
    caseNumber: r.text('caseNumber'),
    kind: r.oneOf('kind', CASE_KINDS_V1),
    channel: r.text('channel'),
    customerId: r.text('customerId'),
    concernedBu: r.text('concernedBu'),
    concernedEmployeeId: r.text('concernedEmployeeId'),
    registeredAt: r.instant('registeredAt'),
  };
};

export const parseComplaintCaseOverdueV1 = (data: unknown): ComplaintCaseOverdueV1 => {
  const r = readPayload(COMPLAINT_CASE_OVERDUE, data);
  return {
    caseId: r.text('caseId'),
    caseNumber: r.text('caseNumber'),
    customerId: r.text('customerId'),
    dueAt: r.instant('dueAt'),
    detectedAt: r.instant('detectedAt'),
  };
};

export const parseComplaintFineIssuedV1 = (data: unknown): ComplaintFineIssuedV1 => {
  const r = readPayload(COMPLAINT_FINE_ISSUED, data);
  const payeeEmployeeId = r.optionalText('payeeEmployeeId');
  return {
    fineId: r.text('fineId'),
    caseId: r.text('caseId'),
    caseNumber: r.text('caseNumber'),
    payeeRole: r.oneOf('payeeRole', FINE_PAYEE_ROLES_V1),
    payeeBu: r.text('payeeBu'),
    ...(payeeEmployeeId !== undefined ? { payeeEmployeeId } : {}),
    amountFen: r.integer('amountFen', { min: 1 }),
    rule: r.text('rule'),
    policyVersion: r.text('policyVersion'),
    issuedAt: r.instant('issuedAt'),
  };
};
