import type { ApprovalStages } from '@crm/credit-domain';
import {
  type ProjectionContext,
  type ProjectionTable,
  removeWorkItem,
  removeWorkItemsStartingWith,
  upsertWorkItem,
  type WorkItemApproval,
  type WorkItemRow,
  WORK_ITEMS,
} from '@crm/projections';

export const APPROVAL_CHAINS = 'approval_chains';

export const approvalChainsTable: ProjectionTable = {
  name: APPROVAL_CHAINS,
  ddl: (t) => `CREATE TABLE ${t} (
    chain_id text PRIMARY KEY,
    stages jsonb NOT NULL,
    stage integer NOT NULL,
    item jsonb NOT NULL
  )`,
};

/**
 * What every approver's item of one chain shows; the id and audience come from the chain, and each
 * stage's role (`<stage>:<role>`) gets the approval it answers (a grade's reviewers and its approver
 * call different commands).
 */
export type ChainItem = Pick<WorkItemRow, 'kind' | 'titleKey' | 'titleParams' | 'link'> & {
  readonly approvalFor: Readonly<Record<string, WorkItemApproval>>;
};

interface ChainRow {
  stages: string[][];
  stage: number;
  item: ChainItem;
}

const itemPrefix = (chainId: string, stage: number): string => `${chainId}:${stage}:`;

const openStage = async (ctx: ProjectionContext, chainId: string, row: ChainRow): Promise<void> => {
  const { approvalFor, ...shown } = row.item;
  for (const role of row.stages[row.stage] ?? []) {
    const approval = approvalFor[`${row.stage}:${role}`];
    await upsertWorkItem(ctx, {
      ...shown,
      ...(approval !== undefined ? { approval } : {}),
      id: `${itemPrefix(chainId, row.stage)}${role}`,
      dueAt: null,
      priority: 'normal',
      audience: { role },
    });
  }
};

/** A decision that needs sign-offs in stages: one item per approver of the current stage. */
export const openChain = async (
  ctx: ProjectionContext,
  chainId: string,
  stages: ApprovalStages,
  item: ChainItem,
): Promise<void> => {
  const row: ChainRow = { stages: stages.map((s) => [...s]), stage: 0, item };
  await ctx.manager.query(
    `INSERT INTO ${ctx.table(APPROVAL_CHAINS)} VALUES ($1, $2::jsonb, 0, $3::jsonb)
     ON CONFLICT (chain_id) DO NOTHING`,
    [chainId, JSON.stringify(row.stages), JSON.stringify(item)],
  );
  await openStage(ctx, chainId, row);
};

/** `role` signed the current stage; when nobody of the stage is left, the next stage's approvers get theirs. */
export const signChain = async (ctx: ProjectionContext, chainId: string, role: string): Promise<void> => {
  const [row] = (await ctx.manager.query(
    `SELECT stages, stage, item FROM ${ctx.table(APPROVAL_CHAINS)} WHERE chain_id = $1`,
    [chainId],
  )) as ChainRow[];
  if (row === undefined) return;
  await removeWorkItem(ctx, `${itemPrefix(chainId, row.stage)}${role}`);
  const [left] = (await ctx.manager.query(
    `SELECT count(*)::int AS n FROM ${ctx.table(WORK_ITEMS)} WHERE starts_with(id, $1)`,
    [itemPrefix(chainId, row.stage)],
  )) as { n: number }[];
  if ((left?.n ?? 0) > 0) return;
  const next: ChainRow = { ...row, stage: row.stage + 1 };
  await ctx.manager.query(`UPDATE ${ctx.table(APPROVAL_CHAINS)} SET stage = $2 WHERE chain_id = $1`, [
    chainId,
    next.stage,
  ]);
  await openStage(ctx, chainId, next);
};

/** The decision took effect (or was refused): every remaining item of the chain goes. */
export const closeChain = async (ctx: ProjectionContext, chainId: string): Promise<void> => {
  await ctx.manager.query(`DELETE FROM ${ctx.table(APPROVAL_CHAINS)} WHERE chain_id = $1`, [chainId]);
  await removeWorkItemsStartingWith(ctx, `${chainId}:`);
};
