import type { CreditAccount, OpenCreditAccountState } from './credit-account';
import type { CheckCredit, DecideHold, RequestHoldRelease } from './credit-account.commands';
import type { CreditAccountEvent, CreditSnapshot, HoldReason } from './credit-account.events';
import { requireRole, type CreditDecisionContext } from './credit-context';
import { exposureOf, overdueItems, previousBalanceOpen } from './exposure';
import { conflict, invalid, partyOf, requireOpen, ruleError } from './account-guards';

export const HOLD_REASON_RULES: Readonly<Record<HoldReason, string>> = {
  over_limit: 'CRD-40',
  overdue_invoice: 'CRD-44',
  previous_balance_unsettled: 'CRD-44',
  dossier_stale: 'CRD-15',
};

export const CREDIT_CHECK_ROLES = ['staff', 'account_supervisor', 'marketing_manager', 'credit_controller'];

/** What a credit decision sees, kept on the event for the audit explanation. */
export const snapshotOf = (s: OpenCreditAccountState, now: Date): CreditSnapshot => ({
  exposureFen: exposureOf(s),
  limitFen: s.activeLimit?.limitFen ?? 0,
  grade: s.grade ?? 'C',
  overdueItems: overdueItems(s, now),
  previousBalanceOpenFen: previousBalanceOpen(s),
  ...(s.dossier !== undefined ? { dossierStaleAt: s.dossier.staleAt } : {}),
});

/**
 * Domain §5.4: refused outright for grade C (CRD-35), an unrated account (CRD-20) or an account
 * without a limit (only reductions allowed, CRD-30/43); otherwise approved, or held with every
 * reason that applies.
 */
export const decideCheckCredit = (
  command: CheckCredit,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, CREDIT_CHECK_ROLES, 'a credit check');
  const { orderId, kind, amountFen } = command.data;
  if (!Number.isInteger(amountFen) || amountFen <= 0) {
    throw invalid('credit.invalid_amount', 'the amount is a positive number of fen', { field: 'amountFen' });
  }
  if (s.orders[orderId] !== undefined) {
    throw conflict('credit.order_already_checked', 'this order was already checked', {
      orderId,
      status: s.orders[orderId]?.status,
    });
  }
  if (s.grade === undefined) {
    throw ruleError('credit.not_rated', 'CRD-20', 'no approved grade: no credit before rating', { orderId });
  }
  if (s.grade === 'C') {
    throw ruleError('credit.grade_c_refused', 'CRD-35', 'grade C: no credit sale and no prepayment', {
      orderId,
      grade: 'C',
    });
  }
  const snapshot = snapshotOf(s, ctx.now);
  if (s.activeLimit === undefined || s.activeLimit.limitFen === 0) {
    const rule = snapshot.exposureFen > 0 ? 'CRD-43' : 'CRD-30';
    throw ruleError(
      'credit.no_limit',
      rule,
      rule === 'CRD-43'
        ? 'an account without a limit may only reduce its exposure (CRD-43)'
        : 'no credit limit: cash on delivery (CRD-30)',
      { orderId, exposureFen: snapshot.exposureFen },
    );
  }
  const reasons: HoldReason[] = [];
  if (snapshot.exposureFen + amountFen > snapshot.limitFen) reasons.push('over_limit');
  if (snapshot.overdueItems.length > 0 || s.blocked) reasons.push('overdue_invoice');
  if (snapshot.previousBalanceOpenFen > 0) reasons.push('previous_balance_unsettled');
  if (s.dossier === undefined || Date.parse(s.dossier.staleAt) <= ctx.now.getTime())
    reasons.push('dossier_stale');
  const common = {
    ...partyOf(s),
    orderId,
    kind,
    amountFen,
    snapshot,
    decidedAt: ctx.now.toISOString(),
    policyVersion: ctx.policyVersion,
  };
  if (reasons.length === 0) return [{ type: 'CreditSaleApproved', data: common }];
  return [
    {
      type: 'CreditSaleHeld',
      data: { ...common, reasons, rules: [...new Set(reasons.map((r) => HOLD_REASON_RULES[r]))] },
    },
  ];
};

const heldOrder = (s: OpenCreditAccountState, orderId: string) => {
  const order = s.orders[orderId];
  if (order === undefined)
    throw invalid('credit.order_not_found', 'no such order on this account', { orderId });
  if (order.status !== 'held') {
    throw conflict('credit.order_not_held', 'the order is not on hold', { orderId, status: order.status });
  }
  return order;
};

/** CRD-41: the marketing manager asks, together with the credit controller. */
export const decideRequestHoldRelease = (
  command: RequestHoldRelease,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_manager'], 'requesting the release of a hold (CRD-41)');
  heldOrder(s, command.data.orderId);
  return [
    {
      type: 'HoldReleaseRequested',
      data: {
        accountId: s.accountId,
        orderId: command.data.orderId,
        requestedBy: ctx.actor.id,
        creditControllerId: command.data.creditControllerId,
      },
    },
  ];
};

/** Only a formal marketing-VP approval releases a hold; otherwise the order is rejected (§5.4). */
export const decideHold = (
  command: DecideHold,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_vp'], 'deciding on a held order (CRD-41)');
  const order = heldOrder(s, command.data.orderId);
  const { orderId, reason } = command.data;
  if (!command.data.release) {
    return [
      {
        type: 'CreditHoldRejected',
        data: { accountId: s.accountId, orderId, rejectedBy: ctx.actor.id, reason },
      },
    ];
  }
  if (order.releaseRequestedBy === undefined) {
    throw ruleError(
      'credit.release_not_requested',
      'CRD-41',
      'a release is approved on the marketing manager’s formal request with the credit controller',
      { orderId },
    );
  }
  return [
    {
      type: 'CreditHoldReleased',
      data: { accountId: s.accountId, orderId, amountFen: order.amountFen, approvedBy: ctx.actor.id, reason },
    },
  ];
};
