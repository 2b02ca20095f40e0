import type { ProjectionContext, ProjectionTable } from '@crm/projections';

export const CASE_WORK = 'case_work';

/** Where an open case stands, as far as anybody's inbox is concerned. */
export type CaseStage = 'intake' | 'handling' | 'approval';

export interface CaseWorkRow {
  readonly case_id: string;
  readonly number: string;
  readonly kind: string;
  readonly subject: string;
  readonly receiver_id: string;
  readonly handler_id: string | null;
  readonly responsible_bu: string | null;
  readonly due_at: Date | null;
  readonly stage: CaseStage;
  readonly approver_role: string | null;
  readonly major: boolean;
  readonly overdue: boolean;
  /** While a resolution waits: its money total, who proposed it and when. */
  readonly approval_total_fen: string | null;
  readonly approval_requested_by: string | null;
  readonly approval_requested_at: string | null;
}

export const caseWorkTable: ProjectionTable = {
  name: CASE_WORK,
  ddl: (t) => `CREATE TABLE ${t} (
    case_id text PRIMARY KEY,
    number text NOT NULL,
    kind text NOT NULL,
    subject text NOT NULL,
    receiver_id text NOT NULL,
    handler_id text,
    responsible_bu text,
    due_at timestamptz,
    stage text NOT NULL,
    approver_role text,
    major boolean NOT NULL DEFAULT false,
    overdue boolean NOT NULL DEFAULT false,
    approval_total_fen bigint,
    approval_requested_by text,
    approval_requested_at text
  )`,
};

type Change = Partial<Omit<CaseWorkRow, 'case_id' | 'due_at' | 'approval_total_fen'>> & {
  readonly due_at?: string;
  readonly approval_total_fen?: number | null;
};

const COLUMNS = [
  'receiver_id',
  'handler_id',
  'responsible_bu',
  'due_at',
  'stage',
  'approver_role',
  'major',
  'overdue',
  'approval_total_fen',
  'approval_requested_by',
  'approval_requested_at',
] as const;

/** Updates the given columns of an open case; returns the row after, or undefined when unknown. */
export const changeCaseWork = async (
  ctx: ProjectionContext,
  caseId: string,
  change: Change,
): Promise<CaseWorkRow | undefined> => {
  const set = COLUMNS.filter((c) => c in change);
  if (set.length > 0) {
    await ctx.manager.query(
      `UPDATE ${ctx.table(CASE_WORK)} SET ${set.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE case_id = $1`,
      [caseId, ...set.map((c) => change[c] ?? null)],
    );
  }
  const rows = (await ctx.manager.query(`SELECT * FROM ${ctx.table(CASE_WORK)} WHERE case_id = $1`, [
    caseId,
  ])) as CaseWorkRow[];
  return rows[0];
};
