import { readPayload } from '@crm/contract-fields';

export const INVITATION_CONFLICT_RULED = 'InvitationConflictRuled';
export const FINE_ISSUED = 'FineIssued';

export const RULING_BASES_V1 = [
  'on_time_filing',
  'late_filing',
  'first_confirmation',
  'coordinator',
  'gm',
] as const;
export type RulingBasisV1 = (typeof RULING_BASES_V1)[number];

/**
 * Two BUs claimed the customer for a joint event and it now counts for `winnerBu` (INV-05/13).
 * `final` is true for the GM's ruling; nothing overrules it.
 */
export type InvitationConflictRuledV1 = {
  readonly jointEventId: string;
  readonly customerId: string;
  readonly winnerBu: string;
  readonly winnerEmployeeId: string;
  readonly loserBus: readonly string[];
  readonly basis: RulingBasisV1;
  readonly decidedBy: string;
  readonly final: boolean;
  readonly ruledAt: string;
  readonly policyVersion: string;
};

/**
 * Legacy: the invitations-only fine shape, published under `FineIssued` until the company-wide
 * contract (`@crm/penalties-contracts`) replaced it; still read from the topic's history.
 * A fine for payroll's penalty ledger (domain §3.7): late or missing daily list (INV-07, on the BU
 * manager; `employeeId` absent when only the role is known) or quarrelling at an event (INV-12).
 */
export type FineIssuedV1 = {
  readonly fineId: string;
  readonly bu: string;
  readonly employeeId?: string;
  readonly role: string;
  readonly amountFen: number;
  readonly rule: string;
  readonly reason: string;
  readonly jointEventId: string;
  readonly issuedAt: string;
  readonly policyVersion: string;
};

export const parseInvitationConflictRuledV1 = (data: unknown): InvitationConflictRuledV1 => {
  const r = readPayload(INVITATION_CONFLICT_RULED, data);
  return {
    jointEventId: r.text('jointEventId'),
    customerId: r.text('customerId'),
    winnerBu: r.text('winnerBu'),
    winnerEmployeeId: r.text('winnerEmployeeId'),
    loserBus: r.textList('loserBus'),
    basis: r.oneOf('basis', RULING_BASES_V1),
    decidedBy: r.text('decidedBy'),
    final: r.boolean('final'),
    ruledAt: r.instant('ruledAt'),
    policyVersion: r.text('policyVersion'),
  };
};

export const parseFineIssuedV1 = (data: unknown): FineIssuedV1 => {
  const r = readPayload(FINE_ISSUED, data);
  const employeeId = r.optionalText('employeeId');
  return {
    fineId: r.text('fineId'),
    bu: r.text('bu'),
    ...(employeeId !== undefined ? { employeeId } : {}),
    role: r.text('role'),
    amountFen: r.fen('amountFen'),
    rule: r.text('rule'),
    reason: r.text('reason'),
    jointEventId: r.text('jointEventId'),
    issuedAt: r.instant('issuedAt'),
    policyVersion: r.text('policyVersion'),
  };
};
