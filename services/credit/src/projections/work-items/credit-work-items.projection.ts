import type { StoredEvent } from '@crm/event-store';
import {
  CREDIT_GRANT_STAGES,
  type CreditAccountOpened,
  type CreditGrantApproved,
  type CreditGrantRequested,
  type CreditReviewCompleted,
  type CreditReviewScheduled,
  type CreditSaleHeld,
  GRADE_APPROVAL_STAGES,
  type GradeProposed,
  type GradeReviewed,
  LIMIT_ADJUSTMENT_STAGES,
  type LimitAdjustmentApproved,
  type LimitAdjustmentProposed,
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
import { approvalChainsTable, closeChain, openChain, signChain } from './approval-chain';

const ACCOUNT_NAMES = 'account_names';

const accountNamesTable: ProjectionTable = {
  name: ACCOUNT_NAMES,
  ddl: (t) => `CREATE TABLE ${t} (account_id text PRIMARY KEY, name text NOT NULL)`,
};

const gradeChain = (accountId: string, proposalId: string): string => `grade:${accountId}:${proposalId}`;
const grantChain = (accountId: string, grantId: string): string => `grant:${accountId}:${grantId}`;
const adjustmentChain = (accountId: string, id: string): string => `adjustment:${accountId}:${id}`;
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
  version: 1,
  handles: [
    'CreditAccountOpened',
    'GradeProposed',
    'GradeReviewed',
    'GradeApproved',
    'CreditGrantRequested',
    'CreditGrantApproved',
    'CreditLimitGranted',
    'LimitAdjustmentProposed',
    'LimitAdjustmentApproved',
    'CreditLimitAdjusted',
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
    switch (event.type) {
      case 'CreditAccountOpened': {
        const d = event.data as CreditAccountOpened['data'];
        await ctx.manager.query(
          `INSERT INTO ${ctx.table(ACCOUNT_NAMES)} VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [accountId, d.name],
        );
        return;
      }
      case 'GradeProposed': {
        const d = event.data as GradeProposed['data'];
        return openChain(ctx, gradeChain(accountId, d.proposalId), GRADE_APPROVAL_STAGES, {
          kind: 'gradeToApprove',
          titleKey: 'workItems.credit.gradeToApprove',
          titleParams: await params({ proposalId: d.proposalId, grade: d.grade }),
          link: accountLink(accountId),
        });
      }
      case 'GradeReviewed': {
        const d = event.data as GradeReviewed['data'];
        return signChain(ctx, gradeChain(accountId, d.proposalId), d.role);
      }
      case 'GradeApproved':
        return closeChain(ctx, gradeChain(accountId, String(event.data['proposalId'])));
      case 'CreditGrantRequested': {
        const d = event.data as CreditGrantRequested['data'];
        return openChain(ctx, grantChain(accountId, d.grantId), CREDIT_GRANT_STAGES, {
          kind: 'grantToApprove',
          titleKey: 'workItems.credit.grantToApprove',
          titleParams: await params({
            grantId: d.grantId,
            grade: d.grade,
            limitFen: d.limitFen,
            termDays: d.termDays,
          }),
          link: accountLink(accountId),
        });
      }
      case 'CreditGrantApproved': {
        const d = event.data as CreditGrantApproved['data'];
        return signChain(ctx, grantChain(accountId, d.grantId), d.role);
      }
      case 'CreditLimitGranted':
        return closeChain(ctx, grantChain(accountId, String(event.data['grantId'])));
      case 'LimitAdjustmentProposed': {
        const d = event.data as LimitAdjustmentProposed['data'];
        return openChain(ctx, adjustmentChain(accountId, d.adjustmentId), LIMIT_ADJUSTMENT_STAGES, {
          kind: 'limitAdjustmentToApprove',
          titleKey: 'workItems.credit.limitAdjustmentToApprove',
          titleParams: await params({
            adjustmentId: d.adjustmentId,
            currentLimitFen: d.currentLimitFen,
            newLimitFen: d.newLimitFen,
          }),
          link: accountLink(accountId),
        });
      }
      case 'LimitAdjustmentApproved': {
        const d = event.data as LimitAdjustmentApproved['data'];
        return signChain(ctx, adjustmentChain(accountId, d.adjustmentId), d.role);
      }
      case 'CreditLimitAdjusted':
        return closeChain(ctx, adjustmentChain(accountId, String(event.data['adjustmentId'])));
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
