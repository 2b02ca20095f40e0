import type { StoredEvent } from '@crm/event-store';
import {
  counterpartyName,
  type CreditAccountOpened,
  type CreditReviewCompleted,
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
  workItemsTable,
} from '@crm/projections';
import { approvalChainsTable } from './approval-chain';
import { applyChainEvent, CHAIN_EVENTS } from './credit-approval-chains';

const ACCOUNT_NAMES = 'account_names';

const accountNamesTable: ProjectionTable = {
  name: ACCOUNT_NAMES,
  ddl: (t) => `CREATE TABLE ${t} (account_id text PRIMARY KEY, name text NOT NULL)`,
};

const holdId = (accountId: string, orderId: string): string => `hold:${accountId}:${orderId}`;
const reviewId = (accountId: string, period: string, dueAt: string): string =>
  `review:${accountId}:${period}:${dueAt}`;
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

/**
 * The credit inbox: grade proposals, grants and limit adjustments waiting for whoever must sign
 * next (the stages of CRD-26, CRD-32..37, CRD-53), held orders (the marketing manager requests a
 * release, then the marketing VP decides, CRD-41), and reviews due (marketing manager, CRD-50).
 */
export const creditWorkItemsProjection = defineProjection({
  name: 'credit_work_items',
  // v2: titles name a customer's account by its id, never by the customer's name.
  version: 2,
  handles: [
    'CreditAccountOpened',
    ...CHAIN_EVENTS,
    'CreditSaleHeld',
    'HoldReleaseRequested',
    'CreditHoldReleased',
    'CreditHoldRejected',
    'CreditReviewScheduled',
    'CreditReviewCompleted',
  ],

  tables: [workItemsTable, approvalChainsTable, accountNamesTable],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const accountId = String(event.data['accountId']);
    const params = async (extra: Record<string, string | number>) => ({
      accountId,
      accountName: await accountName(ctx, accountId),
      ...extra,
    });
    if (CHAIN_EVENTS.includes(event.type)) {
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
      case 'HoldReleaseRequested':
        return reviseWorkItem(ctx, holdId(accountId, String(event.data['orderId'])), {
          kind: 'holdToDecide',
          titleKey: 'workItems.credit.holdToDecide',
          priority: 'high',
          audience: { role: 'marketing_vp' },
        });
      case 'CreditHoldReleased':
      case 'CreditHoldRejected':
        return removeWorkItem(ctx, holdId(accountId, String(event.data['orderId'])));
      case 'CreditReviewScheduled': {
        const d = event.data as CreditReviewScheduled['data'];
        return upsertWorkItem(ctx, {
          id: reviewId(accountId, d.period, d.dueAt),
          kind: 'reviewDue',
          titleKey: 'workItems.credit.reviewDue',
          titleParams: await params({ period: d.period }),
          dueAt: d.dueAt,
          priority: 'normal',
          link: accountLink(accountId),
          audience: { role: 'marketing_manager' },
        });
      }
      case 'CreditReviewCompleted': {
        const d = event.data as CreditReviewCompleted['data'];
        return removeWorkItem(ctx, reviewId(accountId, d.period, d.dueAt));
      }
    }
  },
});
