import { ADJUSTMENT_APPROVERS, ADJUSTMENT_ENDORSER } from './approval-chains';
import { addMonths } from './business-time';
import { evolveCreditAccount, type CreditAccount, type OpenCreditAccountState } from './credit-account';
import type {
  ApproveLimitAdjustment,
  CompleteReview,
  EndContractPeriod,
  OpenRenewalWindow,
  ProposeLimitAdjustment,
  RecordContract,
} from './credit-account.commands';
import type { CreditAccountEvent, ReviewPeriod } from './credit-account.events';
import { requireRole, type CreditDecisionContext } from './credit-context';
import { exposureOf } from './exposure';
import { conflict, invalid, partyOf, requireOpen, ruleError } from './account-guards';

const monthsFor = (period: ReviewPeriod, ctx: CreditDecisionContext): number =>
  period === 'monthly' ? ctx.policy.monthlyReviewMonths : ctx.policy.quarterlyReviewMonths;

/** The next review of each period, counted from `from` (a limit taking effect, or a review done). */
export const reviewsScheduled = (
  accountId: string,
  periods: readonly ReviewPeriod[],
  from: Date,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] =>
  periods.map((period) => ({
    type: 'CreditReviewScheduled',
    data: {
      accountId,
      period,
      dueAt: addMonths(from, monthsFor(period, ctx)).toISOString(),
      policyVersion: ctx.policyVersion,
    },
  }));

/** CRD-45: when the decided events bring a positive exposure to zero, that is recorded. */
export const withClearedToZero = (
  s: OpenCreditAccountState,
  events: CreditAccountEvent[],
  now: Date,
): CreditAccountEvent[] => {
  const after = events.reduce(evolveCreditAccount, s as CreditAccount) as OpenCreditAccountState;
  return exposureOf(s) > 0 && exposureOf(after) === 0
    ? [
        ...events,
        { type: 'ExposureClearedToZero', data: { accountId: s.accountId, clearedAt: now.toISOString() } },
      ]
    : events;
};

/** CRD-50/53: the marketing manager's written evaluation closes a due review and sets the next. */
export const decideCompleteReview = (
  command: CompleteReview,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_manager'], 'completing a credit review (CRD-53)');
  const dueAt = s.reviewsDue[command.data.period];
  if (dueAt === undefined) {
    throw conflict('credit.no_review_due', `no ${command.data.period} review is scheduled`, {
      period: command.data.period,
    });
  }
  return [
    {
      type: 'CreditReviewCompleted',
      data: {
        accountId: s.accountId,
        period: command.data.period,
        dueAt,
        reviewerId: ctx.actor.id,
        evaluation: command.data.evaluation,
      },
    },
    ...reviewsScheduled(
      s.accountId,
      [command.data.period],
      new Date(Math.max(Date.parse(dueAt), ctx.now.getTime())),
      ctx,
    ),
  ];
};

/** CRD-54: an adjusted limit is lower than the original unless an exception reason is given. */
export const decideProposeLimitAdjustment = (
  command: ProposeLimitAdjustment,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_manager'], 'proposing a limit adjustment (CRD-53)');
  const { adjustmentId, newLimitFen, exceptionReason } = command.data;
  if (!Number.isInteger(newLimitFen) || newLimitFen < 0) {
    throw invalid('credit.invalid_amount', 'the new limit is fen, not negative', { field: 'newLimitFen' });
  }
  if (s.activeLimit === undefined) {
    throw ruleError('credit.no_limit', 'CRD-53', 'only an effective limit can be adjusted');
  }
  if (s.pendingAdjustment !== undefined) {
    throw conflict('credit.adjustment_pending', 'another adjustment awaits approval', {
      adjustmentId: s.pendingAdjustment.adjustmentId,
    });
  }
  const currentLimitFen = s.activeLimit.limitFen;
  if (newLimitFen >= currentLimitFen && (exceptionReason ?? '').trim().length === 0) {
    throw ruleError(
      'credit.adjustment_must_lower',
      'CRD-54',
      'an adjusted limit must be lower than the original unless an exception with a reason is approved (CRD-54)',
      { currentLimitFen, newLimitFen },
    );
  }
  if (s.grade === 'C' && newLimitFen > 0) {
    throw ruleError('credit.grade_c_never', 'CRD-35', 'grade C: the limit is 0');
  }
  return [
    {
      type: 'LimitAdjustmentProposed',
      data: {
        accountId: s.accountId,
        adjustmentId,
        currentLimitFen,
        newLimitFen,
        ...(newLimitFen >= currentLimitFen && exceptionReason !== undefined ? { exceptionReason } : {}),
        proposedBy: ctx.actor.id,
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

/** The marketing VP endorses first; the GM and the chairman approve; the last one makes it effective. */
export const decideApproveLimitAdjustment = (
  command: ApproveLimitAdjustment,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ADJUSTMENT_APPROVERS, 'approving a limit adjustment (CRD-53)');
  const a = s.pendingAdjustment;
  if (a?.adjustmentId !== command.data.adjustmentId) {
    throw conflict('credit.adjustment_not_pending', 'this adjustment is not awaiting approval', {
      adjustmentId: command.data.adjustmentId,
    });
  }
  const role = ctx.actor.role;
  if (a.approvals.includes(role)) throw conflict('credit.already_approved', `the ${role} already approved`);
  if (role !== ADJUSTMENT_ENDORSER && !a.approvals.includes(ADJUSTMENT_ENDORSER)) {
    throw ruleError(
      'credit.endorsement_missing',
      'CRD-53',
      'the marketing VP endorses before the GM and the chairman',
    );
  }
  const approved: CreditAccountEvent = {
    type: 'LimitAdjustmentApproved',
    data: { accountId: s.accountId, adjustmentId: a.adjustmentId, role, approverId: ctx.actor.id },
  };
  const done = ADJUSTMENT_APPROVERS.every((r) => r === role || a.approvals.includes(r));
  if (!done) return [approved];
  return [
    approved,
    {
      type: 'CreditLimitAdjusted',
      data: {
        ...partyOf(s),
        adjustmentId: a.adjustmentId,
        previousLimitFen: s.activeLimit?.limitFen ?? 0,
        limitFen: a.newLimitFen,
        exception: a.exceptionReason !== undefined,
        ...(a.exceptionReason !== undefined ? { exceptionReason: a.exceptionReason } : {}),
        effectiveAt: ctx.now.toISOString(),
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

/** CRD-31 ③/45: the contract that carries the limit; renewal opens a policy month before its end. */
export const decideRecordContract = (
  command: RecordContract,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_manager', 'credit_controller'], 'recording a credit contract');
  const startsAt = new Date(command.data.startsAt);
  const endsAt = new Date(command.data.endsAt);
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime()) || endsAt <= startsAt) {
    throw invalid('credit.invalid_period', 'the contract ends after it starts', { field: 'endsAt' });
  }
  if (s.contract !== undefined && !s.contract.ended) {
    throw conflict('credit.contract_running', 'the current contract period has not ended', {
      contractId: s.contract.contractId,
    });
  }
  return [
    {
      type: 'CreditContractRecorded',
      data: {
        accountId: s.accountId,
        contractId: command.data.contractId,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        renewalOpensAt: addMonths(endsAt, -ctx.policy.renewalWindowMonths).toISOString(),
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

const runningContract = (s: OpenCreditAccountState, contractId: string) =>
  s.contract?.contractId === contractId ? s.contract : undefined;

/** From the durable timer at `renewalOpensAt`. */
export const decideOpenRenewalWindow = (
  command: OpenRenewalWindow,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const c = runningContract(s, command.data.contractId);
  if (c === undefined || c.renewalOpened || Date.parse(c.renewalOpensAt) > ctx.now.getTime()) return [];
  return [
    {
      type: 'ContractRenewalWindowOpened',
      data: {
        accountId: s.accountId,
        contractId: c.contractId,
        endsAt: c.endsAt,
        openedAt: ctx.now.toISOString(),
      },
    },
  ];
};

/** From the durable timer at `endsAt`: records whether the exposure cleared to zero once (CRD-45). */
export const decideEndContractPeriod = (
  command: EndContractPeriod,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const c = runningContract(s, command.data.contractId);
  if (c === undefined || c.ended || Date.parse(c.endsAt) > ctx.now.getTime()) return [];
  return [
    {
      type: 'ContractPeriodEnded',
      data: {
        accountId: s.accountId,
        contractId: c.contractId,
        exposureClearedOnce: c.clearedOnce,
        rule: 'CRD-45',
        endedAt: ctx.now.toISOString(),
      },
    },
  ];
};
