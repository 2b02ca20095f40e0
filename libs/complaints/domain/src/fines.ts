import { deterministicUuid } from '@crm/event-sourcing';
import type { OpenCase } from './case';
import type { FineIssued, FinePayee } from './case.events';
import type { CaseDecisionContext } from './case-context';

export const employeePayee = (c: OpenCase): FinePayee => ({
  role: 'employee',
  bu: c.concernedBu,
  employeeId: c.concernedEmployeeId,
});

/** The manager of the concerned BU; who that is on the day is the payroll's business, not ours. */
export const managerPayee = (c: OpenCase): FinePayee => ({ role: 'bu_manager', bu: c.concernedBu });

const samePayee = (a: FinePayee, b: FinePayee): boolean =>
  a.role === b.role && a.bu === b.bu && a.employeeId === b.employeeId;

/**
 * One fine (CMP-30/31/32). With `stack: false` a later, larger fine on the same case only adds the
 * difference to what that payee was already fined, so the larger amount applies once.
 */
export const fine = (
  c: OpenCase,
  payee: FinePayee,
  amountFen: number,
  rule: string,
  reason: string,
  ctx: CaseDecisionContext,
): FineIssued[] => {
  const already = ctx.policy.fines.stack
    ? 0
    : c.fines.filter((f) => samePayee(f.payee, payee)).reduce((sum, f) => sum + f.amountFen, 0);
  const amount = amountFen - already;
  if (amount <= 0) return [];
  return [
    {
      type: 'FineIssued',
      data: {
        fineId: deterministicUuid('fine', c.caseId, rule, payee.role, payee.employeeId ?? payee.bu),
        caseId: c.caseId,
        caseNumber: c.number,
        customerId: c.customerId,
        payee,
        amountFen: amount,
        rule,
        policyVersion: ctx.policyVersion,
        reason: already > 0 ? `${reason} (not stacked: ${already} fen already fined)` : reason,
        issuedAt: ctx.now.toISOString(),
      },
    },
  ];
};
