import type { StoredEvent } from '@crm/event-store';
import {
  counterpartyName,
  reviewDayEnds,
  shanghaiDate,
  reviewDayStarts,
  type CreditAccountOpened,
  type CreditReviewCompleted,
  type CreditReviewOverdue,
  type CreditReviewScheduled,
  type CreditSaleHeld,
} from '@crm/credit-domain';
import {
  defineProjection,
  type ProjectionContext,
  type ProjectionTable,
  removeWorkItem,
  reviseWorkItem,
  upsertWorkItem,
  WORK_ITEMS,
  type WorkItemApproval,
  workItemsTable,
} from '@crm/projections';
import { approvalChainsTable } from './approval-chain';
import { applyChainEvent, CHAIN_EVENTS, REFUSED } from './credit-approval-chains';

/** Codes the marketing VP chooses from when releasing or rejecting a held order (CRD-41). */
export const HOLD_DECISION_REASONS = [
  'collection_assured',
  'strategic_customer',
  'collateral_covers',
  'overdue_unresolved',
  'exposure_too_high',
  'other',
] as const;

const ACCOUNT_NAMES = 'account_names';

const accountNamesTable: ProjectionTable = {
  name: ACCOUNT_NAMES,
  ddl: (t) => `CREATE TABLE ${t} (account_id text PRIMARY KEY, name text NOT NULL)`,
};

const holdId = (accountId: string, orderId: string): string => `hold:${accountId}:${orderId}`;
const reviewId = (accountId: string, period: string, dueAt: string): string =>
  `review:${accountId}:${period}:${dueAt}`;
const shanghaiDay = (dueAt: string): string => shanghaiDate(new Date(dueAt));
const accountLink = (accountId: string): string => `/credit/accounts/${accountId}`;

const accountName = async (ctx: ProjectionContext, accountId: string): Promise<string> => {
  const [row] = (await ctx.manager.query(
    `SELECT name FROM ${ctx.table(ACCOUNT_NAMES)} WHERE account_id = $1`,
    [accountId],
  )) as { name: string }[];
  return row?.name ?? accountId;
};

const onHeld = async (d: CreditSaleHeld['data'], ctx: ProjectionContext): Promise<void> =>
  upsertWorkItem(ctx, {
    id: holdId(d.accountId, d.orderId),
    kind: 'heldOrder',
    titleKey: 'workItems.credit.heldOrder',
    titleParams: {
      accountId: d.accountId,
      accountName: await accountName(ctx, d.accountId),
      orderId: d.orderId,
      amountFen: d.amountFen,
      reasons: d.reasons.join(','),
    },
    dueAt: null,
    priority: 'high',
    link: `${accountLink(d.accountId)}/holds/${d.orderId}`,
    audience: { role: 'marketing_manager' },
  });

/** CRD-41: the marketing VP releases or rejects, with the reason, on the basis of the hold. */
const holdApproval = (event: StoredEvent, held: Readonly<Record<string, unknown>>): WorkItemApproval => {
  const accountId = String(event.data['accountId']);
  const orderId = String(event.data['orderId']);
  const path = `/credit-accounts/${accountId}/holds/${orderId}/decision`;
  return {
    requestedBy: event.metadata.actor.id,
    requestedAt: event.metadata.businessTime,
    basis: {
      orderId,
      amountFen: typeof held['amountFen'] === 'number' ? held['amountFen'] : null,
      reasons: typeof held['reasons'] === 'string' ? held['reasons'] : null,
      creditControllerId:
        typeof event.data['creditControllerId'] === 'string' ? event.data['creditControllerId'] : null,
    },
    rule: 'CRD-41',
    approve: { method: 'POST', path, body: { release: true }, withReason: true },
    refuse: { method: 'POST', path, body: { release: false }, withReason: true },
    reasons: HOLD_DECISION_REASONS,
  };
};

const heldParams = async (ctx: ProjectionContext, id: string): Promise<Record<string, unknown>> => {
  const [row] = (await ctx.manager.query(`SELECT title_params FROM ${ctx.table(WORK_ITEMS)} WHERE id = $1`, [
    id,
  ])) as { title_params: Record<string, unknown> }[];
  return row?.title_params ?? {};
};

/**
 * The credit inbox: grade proposals, grants and limit adjustments waiting for whoever must sign
 * next (the stages of CRD-26, CRD-32..37, CRD-53), held orders (the marketing manager requests a
 * release, then the marketing VP decides, CRD-41), and reviews due (marketing manager, CRD-50).
 */
export const creditWorkItemsProjection = defineProjection({
  name: 'credit_work_items',
  // v3: approval blocks and review reminders (v2); titles name a customer's account by its id, never by the name.
  version: 3,
  handles: [
    'CreditAccountOpened',
    ...CHAIN_EVENTS,
    REFUSED,
    'CreditSaleHeld',
    'HoldReleaseRequested',
    'CreditHoldReleased',
    'CreditHoldRejected',
    'CreditReviewScheduled',
    'CreditReviewCompleted',
    'CreditReviewOverdue',
  ],

  tables: [workItemsTable, approvalChainsTable, accountNamesTable],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const accountId = String(event.data['accountId']);
    const params = async (extra: Record<string, string | number>) => ({
      accountId,
      accountName: await accountName(ctx, accountId),
      ...extra,
    });
    if (CHAIN_EVENTS.includes(event.type) || event.type === REFUSED) {
      await applyChainEvent(event, ctx, await params({}));
      return;
    }
    switch (event.type) {
      case 'CreditAccountOpened': {
        const name = counterpartyName(event.data as CreditAccountOpened['data']);
        if (name === undefined) return;
        await ctx.manager.query(
          `INSERT INTO ${ctx.table(ACCOUNT_NAMES)} VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [accountId, name],
        );
        return;
      }
      case 'CreditSaleHeld':
        return onHeld(event.data as CreditSaleHeld['data'], ctx);
      case 'HoldReleaseRequested': {
        const id = holdId(accountId, String(event.data['orderId']));
        return reviseWorkItem(ctx, id, {
          kind: 'holdToDecide',
          titleKey: 'workItems.credit.holdToDecide',
          priority: 'high',
          audience: { role: 'marketing_vp' },
          approval: holdApproval(event, await heldParams(ctx, id)),
        });
      }
      case 'CreditHoldReleased':
      case 'CreditHoldRejected':
        return removeWorkItem(ctx, holdId(accountId, String(event.data['orderId'])));
      case 'CreditReviewScheduled': {
        const d = event.data as CreditReviewScheduled['data'];
        // Shown from the start of the review's day; late once that day has ended (CRD-50).
        return upsertWorkItem(ctx, {
          id: reviewId(accountId, d.period, d.dueAt),
          kind: 'reviewDue',
          titleKey: 'workItems.credit.reviewDue',
          titleParams: await params({ period: d.period, dueOn: shanghaiDay(d.dueAt) }),
          dueAt: reviewDayEnds(d.dueAt).toISOString(),
          visibleFrom: reviewDayStarts(d.dueAt).toISOString(),
          priority: 'normal',
          link: accountLink(accountId),
          audience: { role: 'marketing_manager' },
        });
      }
      case 'CreditReviewOverdue': {
        const d = event.data as CreditReviewOverdue['data'];
        return reviseWorkItem(ctx, reviewId(accountId, d.period, d.dueAt), {
          kind: 'reviewOverdue',
          titleKey: 'workItems.credit.reviewOverdue',
          priority: 'high',
        });
      }
      case 'CreditReviewCompleted': {
        const d = event.data as CreditReviewCompleted['data'];
        return removeWorkItem(ctx, reviewId(accountId, d.period, d.dueAt));
      }
    }
  },
});
