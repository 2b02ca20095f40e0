import { ADJUSTMENT_APPROVERS, GRADE_REVIEWERS, GRANT_APPROVERS, LIMIT_APPROVERS } from './approval-chains';
import type { CreditAccount, OpenCreditAccountState } from './credit-account';
import type { RefuseApproval } from './credit-account.commands';
import type { ApprovalSubject, CreditAccountEvent } from './credit-account.events';
import { requireRole, type CreditDecisionContext } from './credit-context';
import { conflict, invalid, requireOpen } from './account-guards';

/** Who may refuse each decision: whoever may sign it (CRD-26, CRD-32..37, CRD-53). */
const REFUSERS: Readonly<Record<ApprovalSubject, readonly string[]>> = {
  grade: [...GRADE_REVIEWERS, 'gm'],
  grant: [...new Set([...GRANT_APPROVERS, ...LIMIT_APPROVERS])],
  adjustment: ADJUSTMENT_APPROVERS,
};

const pendingId = (s: OpenCreditAccountState, subject: ApprovalSubject): string | undefined =>
  subject === 'grade'
    ? s.proposal?.proposalId
    : subject === 'grant'
      ? s.pendingGrant?.grantId
      : s.pendingAdjustment?.adjustmentId;

/** An approver refuses the pending decision with a reason; it ends there and nothing takes effect. */
export const decideRefuseApproval = (
  command: RefuseApproval,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const { subject, subjectId, reason } = command.data;
  requireRole(ctx, REFUSERS[subject], `refusing a ${subject}`);
  if (reason.trim().length === 0) {
    throw invalid('credit.reason_required', 'a refusal gives its reason', { field: 'reason' });
  }
  if (pendingId(s, subject) !== subjectId) {
    throw conflict('credit.nothing_to_refuse', `no pending ${subject} with this id`, { subject, subjectId });
  }
  return [
    {
      type: 'CreditApprovalRefused',
      data: {
        accountId: s.accountId,
        subject,
        subjectId,
        role: ctx.actor.role,
        refusedBy: ctx.actor.id,
        reason: reason.trim(),
      },
    },
  ];
};
