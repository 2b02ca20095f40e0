import type { ProjectionContext, ProjectionTable } from '../projection';

/** The logical name of every service's inbox table (`<schema>_read.work_items`). */
export const WORK_ITEMS = 'work_items';

export const WORK_ITEM_PRIORITIES = ['high', 'normal', 'low'] as const;
export type WorkItemPriority = (typeof WORK_ITEM_PRIORITIES)[number];

/** A task is work to do; an approval is a decision someone asked for, answered yes or no. */
export const WORK_ITEM_CATEGORIES = ['task', 'approval'] as const;
export type WorkItemCategory = (typeof WORK_ITEM_CATEGORIES)[number];

/**
 * A command of the item's own service that answers it, relative to the service (`/credit-accounts/…`);
 * `body` is sent as is, with `reason` added when `withReason` (the text the approver chose).
 */
export interface WorkItemCommand {
  readonly method: 'POST';
  readonly path: string;
  readonly body?: Readonly<Record<string, string | number | boolean>>;
  readonly withReason: boolean;
}

/**
 * What an approval item carries so that one list can decide it: who asked and when, the facts it
 * rests on (`basis`, values as in titleParams), the rule that requires the approval, and the two
 * commands. `reasons` are the codes offered to choose from (`workItems.reasons.<code>`).
 */
export interface WorkItemApproval {
  readonly requestedBy: string | null;
  readonly requestedAt: string | null;
  readonly basis: Readonly<Record<string, string | number | boolean | null>>;
  readonly rule: string;
  readonly approve: WorkItemCommand;
  readonly refuse: WorkItemCommand;
  readonly reasons: readonly string[];
}

/**
 * Whose inbox a row lands in: every holder of `role`, narrowed to one BU and/or one employee; or,
 * without a role, one employee whatever role they hold (a case's handler).
 */
export type WorkItemAudience =
  | { readonly role: string; readonly bu?: string; readonly employeeId?: string }
  | { readonly role?: undefined; readonly bu?: string; readonly employeeId: string };

/** One piece of pending work as a projection writes it; `id` is stable so the completing event can find it. */
export interface WorkItemRow {
  readonly id: string;
  readonly kind: string;
  readonly titleKey: string;
  readonly titleParams: Readonly<Record<string, string | number | boolean | null>>;
  readonly dueAt: string | null;
  readonly priority: WorkItemPriority;
  /** Console route that opens the work, e.g. `/customers/<id>`. */
  readonly link: string;
  readonly audience: WorkItemAudience;
  /** Hidden before this instant (e.g. a list that is not due before the previous day's cut-off). */
  readonly visibleFrom?: string | null;
  /** Absent: a task. An approval names how to answer it. */
  readonly approval?: WorkItemApproval;
}

/**
 * The shared shape of the inbox table: one row per item and audience. `version` counts the row's
 * updates so the console can tell a changed item from the one it showed.
 */
export const workItemsTable: ProjectionTable = {
  name: WORK_ITEMS,
  ddl: (t) => [
    `CREATE TABLE ${t} (
      id text PRIMARY KEY,
      kind text NOT NULL,
      title_key text NOT NULL,
      title_params jsonb NOT NULL,
      due_at timestamptz,
      priority text NOT NULL CHECK (priority IN ('high', 'normal', 'low')),
      link text NOT NULL,
      audience_role text,
      audience_bu text,
      audience_employee text,
      visible_from timestamptz,
      category text NOT NULL DEFAULT 'task' CHECK (category IN ('task', 'approval')),
      approval jsonb,
      version integer NOT NULL DEFAULT 1
    )`,
    `CREATE INDEX ON ${t} (audience_role, (coalesce(due_at, 'infinity'::timestamptz)), id)`,
    // The approvals list reads one category of many open items.
    `CREATE INDEX ON ${t} (category, audience_role, (coalesce(due_at, 'infinity'::timestamptz)), id)`,
    `CREATE INDEX ON ${t} (audience_employee)`,
  ],
};

/** Adds the item, or replaces its content and bumps its version when it is already open. */
export const upsertWorkItem = async (ctx: ProjectionContext, item: WorkItemRow): Promise<void> => {
  await ctx.manager.query(
    `INSERT INTO ${ctx.table(WORK_ITEMS)} AS w
       (id, kind, title_key, title_params, due_at, priority, link, audience_role, audience_bu, audience_employee, visible_from, category, approval)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)
     ON CONFLICT (id) DO UPDATE SET
       kind = EXCLUDED.kind, title_key = EXCLUDED.title_key, title_params = EXCLUDED.title_params,
       due_at = EXCLUDED.due_at, priority = EXCLUDED.priority, link = EXCLUDED.link,
       audience_role = EXCLUDED.audience_role, audience_bu = EXCLUDED.audience_bu,
       audience_employee = EXCLUDED.audience_employee, visible_from = EXCLUDED.visible_from,
       category = EXCLUDED.category, approval = EXCLUDED.approval,
       version = w.version + 1`,
    [
      item.id,
      item.kind,
      item.titleKey,
      JSON.stringify(item.titleParams),
      item.dueAt,
      item.priority,
      item.link,
      item.audience.role ?? null,
      item.audience.bu ?? null,
      item.audience.employeeId ?? null,
      item.visibleFrom ?? null,
      item.approval === undefined ? 'task' : 'approval',
      item.approval === undefined ? null : JSON.stringify(item.approval),
    ],
  );
};

/** The work is done (or no longer anyone's): the item leaves every inbox. */
export const removeWorkItem = async (ctx: ProjectionContext, id: string): Promise<void> => {
  await ctx.manager.query(`DELETE FROM ${ctx.table(WORK_ITEMS)} WHERE id = $1`, [id]);
};

/** Removes every item whose id starts with `prefix` (all the open work about one thing). */
export const removeWorkItemsStartingWith = async (ctx: ProjectionContext, prefix: string): Promise<void> => {
  await ctx.manager.query(`DELETE FROM ${ctx.table(WORK_ITEMS)} WHERE starts_with(id, $1)`, [prefix]);
};

/**
 * Moves an open item to its next step (e.g. a missed deadline makes it high priority, an entered
 * batch goes back to its BU's manager), keeping its params, due time and link; no-op when it is gone.
 */
export const reviseWorkItem = async (
  ctx: ProjectionContext,
  id: string,
  change: Pick<WorkItemRow, 'kind' | 'titleKey' | 'priority'> & {
    readonly audience?: WorkItemAudience;
    /** The next step is a decision (a held order whose release is now requested). */
    readonly approval?: WorkItemApproval;
  },
): Promise<void> => {
  const audience = change.audience;
  const approval = change.approval;
  await ctx.manager.query(
    `UPDATE ${ctx.table(WORK_ITEMS)}
        SET kind = $2, title_key = $3, priority = $4, version = version + 1,
            audience_role = CASE WHEN $5::boolean THEN $6 ELSE audience_role END,
            audience_bu = CASE WHEN $5::boolean THEN $7 ELSE audience_bu END,
            audience_employee = CASE WHEN $5::boolean THEN $8 ELSE audience_employee END,
            category = CASE WHEN $9::jsonb IS NULL THEN category ELSE 'approval' END,
            approval = coalesce($9::jsonb, approval)
      WHERE id = $1`,
    [
      id,
      change.kind,
      change.titleKey,
      change.priority,
      audience !== undefined,
      audience?.role ?? null,
      audience?.bu ?? null,
      audience?.employeeId ?? null,
      approval === undefined ? null : JSON.stringify(approval),
    ],
  );
};
