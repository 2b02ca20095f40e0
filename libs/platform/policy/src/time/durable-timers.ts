import type { Pool, PoolClient } from 'pg';
import { migrateSchema, withTransaction } from '@crm/postgres';
import type { Clock } from './clock';
import {
  type ClaimedTimer,
  type ScheduleOutcome,
  type Timer,
  TimerConflictError,
  type TimerHandler,
  type TimerPayload,
} from './timer';
import { type TimerRow, timersDdl, timersTable } from './timer-sql';

export interface DurableTimersOptions {
  readonly pool: Pool;
  /** The owning service's schema; the table is `<schema>.timers`. */
  readonly schema: string;
  readonly clock: Clock;
  /** How long a claim keeps other pollers away; a crashed claimant's timers fire again after it. */
  readonly leaseMs?: number;
  /** After this many failed attempts the timer is parked as `failed` for an operator to look at. */
  readonly maxAttempts?: number;
  readonly retryDelayMs?: (attempts: number) => number;
}

export interface FireResult {
  readonly claimed: number;
  readonly fired: number;
  readonly failed: number;
}

const defaultRetryDelay = (attempts: number): number =>
  Math.min(60_000, 1_000 * 2 ** Math.max(0, attempts - 1));

/**
 * Deadlines as rows (architecture §8): durable across restarts, at-least-once firing. Every
 * instant comes from the Clock, never from the database's now(), so tests and replays decide time.
 */
export class DurableTimers {
  private readonly table: string;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (attempts: number) => number;

  constructor(private readonly options: DurableTimersOptions) {
    this.table = timersTable(options.schema);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
    if (this.leaseMs <= 0) throw new Error('DurableTimers: leaseMs must be positive');
  }

  get clock(): Clock {
    return this.options.clock;
  }

  migrate(): Promise<void> {
    return migrateSchema(this.options.pool, this.options.schema, async (client) => {
      for (const statement of timersDdl(this.table)) await client.query(statement);
    });
  }

  /**
   * Idempotent by id: the same (kind, dueAt, payload) again is a no-op. A pending timer may be
   * moved to a new due time or payload; a fired, cancelled or failed one may not.
   */
  async schedule(
    id: string,
    dueAt: Date,
    kind: string,
    payload: TimerPayload,
    options: { readonly within?: PoolClient } = {},
  ): Promise<ScheduleOutcome> {
    const now = this.clock.now();
    const json = JSON.stringify(payload);
    // `within`: the caller's open transaction, so a decision and its deadline commit (or vanish) together.
    const inTransaction = <T>(work: (client: PoolClient) => Promise<T>): Promise<T> =>
      options.within !== undefined ? work(options.within) : withTransaction(this.options.pool, work);
    return inTransaction(async (client) => {
      const inserted = await client.query(
        `INSERT INTO ${this.table} (id, kind, due_at, payload, status, attempts, created_at)
         VALUES ($1, $2, $3, $4::jsonb, 'scheduled', 0, $5)
         ON CONFLICT (id) DO NOTHING`,
        [id, kind, dueAt, json, now],
      );
      if (inserted.rowCount === 1) return 'scheduled';
      const existing = await client.query<{ status: Timer['status']; same: boolean }>(
        `SELECT status, (kind = $2 AND due_at = $3 AND payload = $4::jsonb) AS same
           FROM ${this.table} WHERE id = $1 FOR UPDATE`,
        [id, kind, dueAt, json],
      );
      const row = existing.rows[0];
      if (!row) throw new Error(`timer ${id} vanished while scheduling`);
      if (row.same) return 'unchanged';
      if (row.status !== 'scheduled') throw new TimerConflictError(id, row.status);
      // Clearing the lease fences out a poller that may be firing the old version right now.
      await client.query(
        `UPDATE ${this.table} SET kind = $2, due_at = $3, payload = $4::jsonb, locked_until = NULL, last_error = NULL
          WHERE id = $1`,
        [id, kind, dueAt, json],
      );
      return 'rescheduled';
    });
  }

  /** True when a pending timer was cancelled; false when it was unknown or already settled. */
  async cancel(id: string, options: { readonly within?: PoolClient } = {}): Promise<boolean> {
    const result = await (options.within ?? this.options.pool).query(
      `UPDATE ${this.table} SET status = 'cancelled', locked_until = NULL WHERE id = $1 AND status = 'scheduled'`,
      [id],
    );
    return result.rowCount === 1;
  }

  async get(id: string): Promise<Timer | undefined> {
    const result = await this.options.pool.query<TimerRow>(`SELECT * FROM ${this.table} WHERE id = $1`, [id]);
    const row = result.rows[0];
    return row ? toTimer(row) : undefined;
  }

  /**
   * Claims up to `limit` due timers with a lease. SKIP LOCKED lets several pollers (replicas)
   * claim disjoint sets without waiting on each other.
   */
  async claimDue(limit = 50): Promise<ClaimedTimer[]> {
    const now = this.clock.now();
    const lease = new Date(now.getTime() + this.leaseMs);
    const result = await this.options.pool.query<TimerRow>(
      `WITH due AS (
         SELECT id FROM ${this.table}
          WHERE status = 'scheduled' AND due_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
          ORDER BY due_at, id
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       )
       UPDATE ${this.table} AS t SET locked_until = $3, attempts = t.attempts + 1
         FROM due WHERE t.id = due.id
       RETURNING t.*`,
      [now, limit, lease],
    );
    return result.rows
      .map((row) => ({ ...toTimer(row), lease }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  }

  /** False when the lease was lost (expired and re-claimed, rescheduled, cancelled). */
  async markFired(timer: ClaimedTimer): Promise<boolean> {
    const result = await this.options.pool.query(
      `UPDATE ${this.table} SET status = 'fired', fired_at = $3, locked_until = NULL, last_error = NULL
        WHERE id = $1 AND status = 'scheduled' AND locked_until = $2`,
      [timer.id, timer.lease, this.clock.now()],
    );
    return result.rowCount === 1;
  }

  /** Records the error and pushes the next attempt back (reusing locked_until as "not before"). */
  async markFailed(timer: ClaimedTimer, error: unknown): Promise<boolean> {
    const message = error instanceof Error ? error.message : String(error);
    const giveUp = timer.attempts >= this.maxAttempts;
    const retryAt = new Date(this.clock.now().getTime() + this.retryDelayMs(timer.attempts));
    const result = await this.options.pool.query(
      `UPDATE ${this.table}
          SET last_error = $3, status = CASE WHEN $4 THEN 'failed' ELSE status END,
              locked_until = CASE WHEN $4 THEN NULL ELSE $5::timestamptz END
        WHERE id = $1 AND status = 'scheduled' AND locked_until = $2`,
      [timer.id, timer.lease, message, giveUp, retryAt],
    );
    return result.rowCount === 1;
  }

  /** One polling pass: claim, run the handler, settle each timer. */
  async fireDue(handler: TimerHandler, limit = 50): Promise<FireResult> {
    const claimed = await this.claimDue(limit);
    let fired = 0;
    let failed = 0;
    for (const timer of claimed) {
      try {
        await handler(timer);
      } catch (error) {
        failed += 1;
        await this.markFailed(timer, error);
        continue;
      }
      // A crash right here is the at-least-once case: the lease expires and the timer fires again.
      if (await this.markFired(timer)) fired += 1;
    }
    return { claimed: claimed.length, fired, failed };
  }
}

const toTimer = (row: TimerRow): Timer => ({
  id: row.id,
  kind: row.kind,
  dueAt: row.due_at,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  ...(row.last_error !== null ? { lastError: row.last_error } : {}),
  ...(row.fired_at !== null ? { firedAt: row.fired_at } : {}),
  ...(row.locked_until !== null ? { lockedUntil: row.locked_until } : {}),
});
