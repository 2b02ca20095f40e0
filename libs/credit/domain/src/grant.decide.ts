import { GRANT_APPROVERS, LIMIT_APPROVERS } from './approval-chains';
import type { CreditAccount } from './credit-account';
import type { ApproveCreditGrant, RegisterCollateral, RequestCreditGrant } from './credit-account.commands';
import type { CreditAccountEvent } from './credit-account.events';
import { requireRole, type CreditDecisionContext } from './credit-context';
import { exposureOf } from './exposure';
import { evaluateGrant, monthlyAverages } from './grant-table';
import { conflict, invalid, partyOf, requireOpen, ruleError } from './account-guards';
import { reviewsScheduled } from './review.decide';

/** CRD-34: the property mortgage is registered (by finance) before a B grant. */
export const decideRegisterCollateral = (
  command: RegisterCollateral,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['credit_controller'], 'registering collateral');
  if (!Number.isInteger(command.data.valueFen) || command.data.valueFen <= 0) {
    throw invalid('credit.invalid_amount', 'the collateral value is a positive number of fen', {
      field: 'valueFen',
    });
  }
  return [
    {
      type: 'CollateralRegistered',
      data: {
        accountId: s.accountId,
        collateralId: command.data.collateralId,
        kind: 'property_mortgage',
        valueFen: command.data.valueFen,
        registeredAt: ctx.now.toISOString(),
        registeredBy: ctx.actor.id,
      },
    },
  ];
};

/** A grant request is checked against the decision table when it is made (seed-001a §4.4). */
export const decideRequestCreditGrant = (
  command: RequestCreditGrant,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_manager'], 'requesting a credit grant (CRD-34)');
  const { limitFen, termDays, type, exceptionalReason, grantId } = command.data;
  if (!Number.isInteger(limitFen) || limitFen <= 0) {
    throw invalid('credit.invalid_amount', 'the limit is a positive number of fen', { field: 'limitFen' });
  }
  if (!Number.isInteger(termDays) || termDays <= 0) {
    throw invalid('credit.invalid_term', 'the term is a positive number of days', { field: 'termDays' });
  }
  if (s.grade === undefined) {
    throw ruleError('credit.not_rated', 'CRD-20', 'no approved grade: every customer is rated before credit');
  }
  if (s.dossier === undefined || Date.parse(s.dossier.staleAt) <= ctx.now.getTime()) {
    throw ruleError(
      'credit.dossier_stale',
      'CRD-15',
      'a current (filed, refreshed this quarter) investigation is needed',
    );
  }
  if (s.pendingGrant !== undefined) {
    throw conflict('credit.grant_pending', 'another grant awaits approval', {
      grantId: s.pendingGrant.grantId,
    });
  }
  const hasCreditHistory = s.dossier.facts.priorCreditHistory || s.everHadCredit;
  const averages = monthlyAverages(s.dossier.facts.monthlyFigures, ctx.now, ctx.policy);
  const evaluation = evaluateGrant(
    { type, limitFen, termDays, ...(exceptionalReason !== undefined ? { exceptionalReason } : {}) },
    {
      grade: s.grade,
      hasCreditHistory,
      averages,
      exposureFen: exposureOf(s),
      ...(s.collateralValueFen !== undefined ? { collateralValueFen: s.collateralValueFen } : {}),
    },
    ctx.policy,
  );
  return [
    {
      type: 'CreditGrantRequested',
      data: {
        accountId: s.accountId,
        grantId,
        grade: s.grade,
        hasCreditHistory,
        type,
        limitFen,
        termDays,
        evaluation,
        averages,
        ...(s.collateralValueFen !== undefined ? { collateralValueFen: s.collateralValueFen } : {}),
        ...(exceptionalReason !== undefined ? { exceptionalReason } : {}),
        requestedBy: ctx.actor.id,
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

/**
 * Stage `grant` (marketing VP, CFO, GM) then stage `limit` (GM, chairman): the limit takes effect
 * with the last of the second stage (CRD-32..37). The portfolio cap is checked by the caller in the
 * same transaction, on the portfolio stream.
 */
export const decideApproveCreditGrant = (
  command: ApproveCreditGrant,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_vp', 'cfo', 'gm', 'chairman'], 'approving a credit grant (CRD-32..37)');
  const g = s.pendingGrant;
  if (g?.grantId !== command.data.grantId) {
    throw conflict('credit.grant_not_pending', 'this grant is not awaiting approval', {
      grantId: command.data.grantId,
    });
  }
  const role = ctx.actor.role;
  const stageOneDone = GRANT_APPROVERS.every((r) => g.grantApprovals.includes(r));
  const stage =
    (GRANT_APPROVERS as readonly string[]).includes(role) && !g.grantApprovals.includes(role)
      ? 'grant'
      : 'limit';
  if (stage === 'limit') {
    if (!(LIMIT_APPROVERS as readonly string[]).includes(role)) {
      throw conflict('credit.already_approved', `the ${role} already approved this grant`);
    }
    if (!stageOneDone) {
      throw ruleError(
        'credit.grant_approvals_missing',
        'CRD-37',
        'the limit takes effect only after the marketing VP, CFO and GM approved',
        {
          missingApprovals: GRANT_APPROVERS.filter((r) => !g.grantApprovals.includes(r)),
        },
      );
    }
    if (g.limitApprovals.includes(role)) {
      throw conflict('credit.already_approved', `the ${role} already confirmed this limit`);
    }
  }
  const approved: CreditAccountEvent = {
    type: 'CreditGrantApproved',
    data: { accountId: s.accountId, grantId: g.grantId, stage, role, approverId: ctx.actor.id },
  };
  const limitDone =
    stage === 'limit' && LIMIT_APPROVERS.every((r) => r === role || g.limitApprovals.includes(r));
  if (!limitDone) return [approved];
  return [
    approved,
    {
      type: 'CreditLimitGranted',
      data: {
        ...partyOf(s),
        grantId: g.grantId,
        grade: g.grade,
        type: g.type,
        limitFen: g.limitFen,
        termDays: g.termDays,
        previousLimitFen: s.activeLimit?.limitFen ?? 0,
        effectiveAt: ctx.now.toISOString(),
        policyVersion: ctx.policyVersion,
      },
    },
    // A first limit starts the monthly and quarterly reviews (CRD-50).
    ...(s.activeLimit === undefined
      ? reviewsScheduled(s.accountId, ['monthly', 'quarterly'], ctx.now, ctx)
      : []),
  ];
};
