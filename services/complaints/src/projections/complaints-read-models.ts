import type { Pool } from 'pg';
import { quoteIdent } from '@crm/postgres';
import { CASE_OVERVIEW_TABLE } from './case-overview.projection';
import { PENALTY_LEDGER_TABLE } from './penalty-ledger.projection';

const DIMENSIONS = {
  kind: 'kind',
  cause: "coalesce(cause, 'unclassified')",
  bu: 'coalesce(responsible_bu, concerned_bu)',
  severity: 'severity',
} as const;

export interface StatsGroup {
  readonly key: string;
  readonly cases: number;
  readonly onTimeRate: number | null;
  readonly meanWorkingHoursToResolve: number | null;
  readonly meanSatisfaction: number | null;
}

export interface PeriodStats {
  readonly from: string;
  readonly to: string;
  readonly total: StatsGroup;
  readonly by: Readonly<Record<keyof typeof DIMENSIONS, readonly StatsGroup[]>>;
}

interface StatsRow {
  key: string;
  cases: string;
  on_time_rate: string | null;
  mean_minutes: string | null;
  mean_satisfaction: string | null;
}

const num = (v: string | null): number | null => (v === null ? null : Math.round(Number(v) * 100) / 100);
const toGroup = (r: StatsRow): StatsGroup => ({
  key: r.key,
  cases: Number(r.cases),
  onTimeRate: num(r.on_time_rate),
  meanWorkingHoursToResolve: r.mean_minutes === null ? null : num(String(Number(r.mean_minutes) / 60)),
  meanSatisfaction: num(r.mean_satisfaction),
});

/** Local midnight in Asia/Shanghai of `YYYY-MM-01`. */
const monthStart = (year: number, month: number): Date =>
  new Date(`${year}-${String(month).padStart(2, '0')}-01T00:00:00+08:00`);

/** Whose cases a queue shows: undefined members do not narrow it. */
export interface QueueScope {
  readonly receiverId?: string;
  readonly handlerId?: string;
  readonly bu?: string;
}

export interface QueueFilters {
  readonly kind?: string;
  readonly severity?: string;
  readonly bu?: string;
  readonly status?: string;
  readonly page: number;
  readonly limit: number;
}

export interface QueueRow {
  readonly case_id: string;
  readonly case_number: string;
  readonly kind: string;
  readonly subject: string;
  readonly customer_id: string;
  readonly severity: string;
  readonly status: string;
  readonly concerned_bu: string;
  readonly responsible_bu: string | null;
  readonly handler_id: string | null;
  readonly receiver_id: string;
  readonly registered_at: Date;
  readonly received_at: Date;
  readonly due_at: Date | null;
  readonly overdue: boolean;
  readonly resolved_at: Date | null;
  readonly calendar_incomplete: boolean;
}

/** Queries on complaints_read (docs/read-models/complaints.md). */
export class ComplaintsReadModels {
  private readonly cases: string;
  private readonly fines: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
  ) {
    this.cases = `${quoteIdent(readSchema)}.${CASE_OVERVIEW_TABLE}`;
    this.fines = `${quoteIdent(readSchema)}.${PENALTY_LEDGER_TABLE}`;
  }

  /** Closed cases of one month (default: the month before `now`, in Asia/Shanghai). */
  monthly(year: number, month: number): Promise<PeriodStats> {
    const next = month === 12 ? monthStart(year + 1, 1) : monthStart(year, month + 1);
    return this.stats(monthStart(year, month), next);
  }

  /** Half-year review: H1 = January–June, H2 = July–December. */
  halfYear(year: number, half: 1 | 2): Promise<PeriodStats> {
    return this.stats(
      monthStart(year, half === 1 ? 1 : 7),
      half === 1 ? monthStart(year, 7) : monthStart(year + 1, 1),
    );
  }

  async openCases(now: Date, overdueOnly: boolean): Promise<Record<string, unknown>[]> {
    const { rows } = await this.pool.query(
      `SELECT case_id, case_number, kind, customer_id, severity, status, concerned_bu, responsible_bu, handler_id,
              receiver_id, registered_at, due_at, (overdue OR (due_at IS NOT NULL AND due_at < $1 AND resolved_at IS NULL)) AS overdue,
              calendar_incomplete
         FROM ${this.cases}
        WHERE status NOT IN ('closed', 'archived')
          AND ($2::boolean IS FALSE OR overdue OR (due_at IS NOT NULL AND due_at < $1 AND resolved_at IS NULL))
        ORDER BY due_at NULLS LAST, case_number LIMIT 500`,
      [now, overdueOnly],
    );
    return rows as Record<string, unknown>[];
  }

  /**
   * One page of the open-case queue, soonest deadline first: `scope` narrows it to the person's
   * own cases (receiver, handler, BU); the filters are the queue's. Served by the partial index
   * on open cases (docs/benchmarks.md).
   */
  async queuePage(scope: QueueScope, filters: QueueFilters): Promise<{ rows: QueueRow[]; total: number }> {
    const where = ["status NOT IN ('closed', 'archived')"];
    const params: unknown[] = [];
    const bind = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (scope.receiverId !== undefined) bind('receiver_id = ?', scope.receiverId);
    if (scope.handlerId !== undefined) bind('handler_id = ?', scope.handlerId);
    if (scope.bu !== undefined) bind('coalesce(responsible_bu, concerned_bu) = ?', scope.bu);
    if (filters.kind !== undefined) bind('kind = ?', filters.kind);
    if (filters.severity !== undefined) bind('severity = ?', filters.severity);
    if (filters.bu !== undefined) bind('coalesce(responsible_bu, concerned_bu) = ?', filters.bu);
    if (filters.status !== undefined) bind('status = ?', filters.status);
    const clause = where.join(' AND ');
    const [page, count] = await Promise.all([
      this.pool.query<QueueRow>(
        `SELECT case_id, case_number, kind, subject, customer_id, severity, status, concerned_bu, responsible_bu,
                handler_id, receiver_id, registered_at, received_at, due_at, overdue, resolved_at, calendar_incomplete
           FROM ${this.cases} WHERE ${clause}
          ORDER BY due_at NULLS LAST, case_number
          LIMIT ${filters.limit} OFFSET ${(filters.page - 1) * filters.limit}`,
        params,
      ),
      this.pool.query<{ total: string }>(
        `SELECT count(*) AS total FROM ${this.cases} WHERE ${clause}`,
        params,
      ),
    ]);
    return { rows: page.rows, total: Number(count.rows[0]?.total ?? 0) };
  }

  /** Unresolved open cases with a deadline that is not overdue: what a new calendar recomputes. */
  async casesAwaitingDeadline(): Promise<string[]> {
    const { rows } = await this.pool.query<{ case_id: string }>(
      `SELECT case_id FROM ${this.cases}
        WHERE status NOT IN ('closed', 'archived') AND due_at IS NOT NULL AND resolved_at IS NULL AND NOT overdue
        ORDER BY due_at`,
    );
    return rows.map((r) => r.case_id);
  }

  /** Customers with more than one case registered since `since`. */
  async repeatComplainants(since: Date): Promise<Record<string, unknown>[]> {
    const { rows } = await this.pool.query(
      `SELECT customer_id, count(*)::int AS cases, array_agg(case_number ORDER BY registered_at) AS case_numbers,
              array_agg(DISTINCT subject) AS subjects, max(registered_at) AS last_registered_at
         FROM ${this.cases} WHERE registered_at >= $1 AND kind IN ('complaint', 'grievance')
        GROUP BY customer_id HAVING count(*) > 1 ORDER BY count(*) DESC, customer_id LIMIT 500`,
      [since],
    );
    return rows as Record<string, unknown>[];
  }

  async penaltyLedger(filter: { bu?: string; employeeId?: string }): Promise<Record<string, unknown>[]> {
    const { rows } = await this.pool.query(
      `SELECT fine_id, case_id, case_number, customer_id, payee_role, payee_bu, payee_employee_id, amount_fen, rule,
              policy_version, reason, issued_at
         FROM ${this.fines}
        WHERE ($1::text IS NULL OR payee_bu = $1) AND ($2::text IS NULL OR payee_employee_id = $2)
        ORDER BY issued_at, fine_id LIMIT 1000`,
      [filter.bu ?? null, filter.employeeId ?? null],
    );
    return rows as Record<string, unknown>[];
  }

  private async stats(from: Date, to: Date): Promise<PeriodStats> {
    const query = (key: string) =>
      this.pool.query<StatsRow>(
        `SELECT ${key} AS key, count(*) AS cases,
                avg(CASE WHEN on_time THEN 1.0 WHEN NOT on_time THEN 0.0 END) AS on_time_rate,
                avg(working_minutes_to_resolve) AS mean_minutes, avg(satisfaction) AS mean_satisfaction
           FROM ${this.cases} WHERE closed_at >= $1 AND closed_at < $2 GROUP BY 1 ORDER BY 1`,
        [from, to],
      );
    const [total, ...groups] = await Promise.all([
      query(`'all'`),
      ...Object.values(DIMENSIONS).map((expression) => query(expression)),
    ]);
    const by = Object.fromEntries(
      Object.keys(DIMENSIONS).map((name, i) => [name, (groups[i]?.rows ?? []).map(toGroup)]),
    ) as unknown as PeriodStats['by'];
    const empty: StatsGroup = {
      key: 'all',
      cases: 0,
      onTimeRate: null,
      meanWorkingHoursToResolve: null,
      meanSatisfaction: null,
    };
    const first = total?.rows[0];
    return { from: from.toISOString(), to: to.toISOString(), total: first ? toGroup(first) : empty, by };
  }
}

/** The month before `now` in Asia/Shanghai: what the monthly report (due by the 10th) covers. */
export const previousMonth = (now: Date): { year: number; month: number } => {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const month = local.getUTCMonth(); // 0-based: the previous month as 1-based
  return month === 0
    ? { year: local.getUTCFullYear() - 1, month: 12 }
    : { year: local.getUTCFullYear(), month };
};
