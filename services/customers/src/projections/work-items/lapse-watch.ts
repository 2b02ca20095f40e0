import { lapseDeadline } from '@crm/customers-domain';
import type { PolicyVersionAdoptedData } from '@crm/policy';
import {
  type ProjectionContext,
  type ProjectionTable,
  removeWorkItem,
  upsertWorkItem,
} from '@crm/projections';
import { LAPSE_POLICY, type LapsePolicy } from '../../policy/customers-policies';

export const LAPSE_WATCH = 'lapse_watch';
export const LAPSE_RULES = 'lapse_rules';

const DAY_MS = 24 * 60 * 60 * 1000;

export const lapsingId = (customerId: string): string => `lapsing:${customerId}`;

/**
 * What the staff's lapse watch needs per customer, and the lapse rules as adopted (the policy
 * documents are events too), so the item's due time uses the months in force, never a literal.
 */
export const lapseWatchTables: readonly ProjectionTable[] = [
  {
    name: LAPSE_WATCH,
    ddl: (t) => `CREATE TABLE ${t} (
      customer_id text PRIMARY KEY,
      owner_bu text NOT NULL,
      owner_employee_id text NOT NULL,
      last_service_at timestamptz NOT NULL,
      lapsed boolean NOT NULL DEFAULT false
    )`,
  },
  {
    name: LAPSE_RULES,
    ddl: (t) => `CREATE TABLE ${t} (
      version text PRIMARY KEY,
      effective_from timestamptz NOT NULL,
      lapse_after_months integer NOT NULL,
      watch_window_days integer NOT NULL
    )`,
  },
];

export const recordLapseRules = async (
  d: PolicyVersionAdoptedData,
  ctx: ProjectionContext,
): Promise<void> => {
  if (d.policyId !== LAPSE_POLICY) return;
  const params = d.params as unknown as LapsePolicy;
  await ctx.manager.query(
    `INSERT INTO ${ctx.table(LAPSE_RULES)} VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [d.version, d.effectiveFrom, params.lapseAfterMonths, params.watchWindowDays],
  );
};

interface WatchRow {
  customer_id: string;
  owner_bu: string;
  owner_employee_id: string;
  last_service_at: Date;
  lapsed: boolean;
}

/**
 * Re-derives the owner's "lapsing soon" item from the watch row: due at the lapse deadline (the
 * domain's computation, with the months in force at the last service), shown from the watch
 * window before it; gone while lapsed or when the customer is unknown.
 */
export const refreshLapsingItem = async (customerId: string, ctx: ProjectionContext): Promise<void> => {
  const [row] = (await ctx.manager.query(`SELECT * FROM ${ctx.table(LAPSE_WATCH)} WHERE customer_id = $1`, [
    customerId,
  ])) as WatchRow[];
  if (row === undefined || row.lapsed) return removeWorkItem(ctx, lapsingId(customerId));
  const lastServiceAt = row.last_service_at.toISOString();
  const [rules] = (await ctx.manager.query(
    `SELECT lapse_after_months, watch_window_days FROM ${ctx.table(LAPSE_RULES)}
      WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
    [lastServiceAt],
  )) as { lapse_after_months: number; watch_window_days: number }[];
  if (rules === undefined) return removeWorkItem(ctx, lapsingId(customerId));
  const dueAt = lapseDeadline(lastServiceAt, rules.lapse_after_months);
  await upsertWorkItem(ctx, {
    id: lapsingId(customerId),
    kind: 'customerLapsing',
    titleKey: 'workItems.customers.customerLapsing',
    titleParams: { customerId, lapseAt: dueAt, lastServiceAt },
    dueAt,
    priority: 'normal',
    link: `/customers/${customerId}`,
    audience: { role: 'staff', bu: row.owner_bu, employeeId: row.owner_employee_id },
    visibleFrom: new Date(Date.parse(dueAt) - rules.watch_window_days * DAY_MS).toISOString(),
  });
};

/** Applies one change to the watch row (insert, or update of the given columns). */
export const watch = async (
  ctx: ProjectionContext,
  customerId: string,
  change: { owner?: { bu: string; employeeId: string }; lastServiceAt?: string; lapsed?: boolean },
): Promise<void> => {
  await ctx.manager.query(
    `UPDATE ${ctx.table(LAPSE_WATCH)}
        SET owner_bu = coalesce($2, owner_bu), owner_employee_id = coalesce($3, owner_employee_id),
            last_service_at = greatest(last_service_at, coalesce($4::timestamptz, last_service_at)),
            lapsed = coalesce($5, lapsed)
      WHERE customer_id = $1`,
    [
      customerId,
      change.owner?.bu ?? null,
      change.owner?.employeeId ?? null,
      change.lastServiceAt ?? null,
      change.lapsed ?? null,
    ],
  );
  await refreshLapsingItem(customerId, ctx);
};
