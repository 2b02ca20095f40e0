import type { Pool } from 'pg';
import { nowMs, sleep } from './stats';

export interface OldTransaction {
  readonly pid: number;
  readonly database: string;
  readonly state: string;
  readonly ageSeconds: number;
  readonly query: string;
}

/**
 * Transactions holding a transaction id, oldest first. The gap-safe event-store read only returns
 * events older than the oldest of these ANYWHERE on the cluster, so one long transaction of an
 * unrelated test delays every relay and projection until it ends.
 */
export const oldTransactions = async (pool: Pool, minAgeSeconds: number): Promise<OldTransaction[]> => {
  const result = await pool.query<{
    pid: number;
    datname: string;
    state: string;
    age: string;
    query: string;
  }>(
    `select pid, datname, state, extract(epoch from now() - xact_start)::text as age, left(query, 100) as query
       from pg_stat_activity
      where backend_xid is not null and pid <> pg_backend_pid()
        and xact_start < now() - make_interval(secs => $1)
      order by xact_start`,
    [minAgeSeconds],
  );
  return result.rows.map((r) => ({
    pid: r.pid,
    database: r.datname,
    state: r.state,
    ageSeconds: Math.round(Number(r.age) * 10) / 10,
    query: r.query.replace(/\s+/g, ' '),
  }));
};

/** Waits (up to `maxWaitMs`) until no other session holds a transaction older than `minAgeSeconds`. */
export const waitForShortTransactions = async (
  pool: Pool,
  minAgeSeconds: number,
  maxWaitMs: number,
): Promise<{ readonly waitedSeconds: number; readonly stillOpen: OldTransaction[] }> => {
  const started = nowMs();
  let reported = false;
  for (;;) {
    const open = await oldTransactions(pool, minAgeSeconds);
    if (open.length === 0 || nowMs() - started > maxWaitMs)
      return { waitedSeconds: Math.round((nowMs() - started) / 100) / 10, stillOpen: open };
    if (!reported) {
      console.log(
        `waiting for ${open.length} long transaction(s) of other sessions to end, oldest:`,
        open[0],
      );
      reported = true;
    }
    await sleep(500);
  }
};

/** Samples the oldest foreign transaction's age while a measurement runs. */
export const watchTransactionAges = (pool: Pool, intervalMs = 500) => {
  let maxAge = 0;
  let worst: OldTransaction | undefined;
  let running = true;
  const loop = (async () => {
    while (running) {
      const [oldest] = await oldTransactions(pool, 0).catch(() => []);
      if (oldest !== undefined && oldest.ageSeconds > maxAge) {
        maxAge = oldest.ageSeconds;
        worst = oldest;
      }
      await sleep(intervalMs);
    }
  })();
  return {
    stop: async (): Promise<{ readonly maxAgeSeconds: number; readonly worst?: OldTransaction }> => {
      running = false;
      await loop;
      return { maxAgeSeconds: maxAge, ...(worst !== undefined ? { worst } : {}) };
    },
  };
};
