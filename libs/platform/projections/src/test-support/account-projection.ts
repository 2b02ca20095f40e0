import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type Projection, type ProjectionContext } from '../projection';

/** Test hook: make `apply` fail at a chosen event, as a bug or a crash in a handler would. */
export interface ApplyFault {
  readonly eventId: string;
  /** `throw`: the handler throws; `kill`: the handler's database session is terminated mid-transaction. */
  readonly mode: 'throw' | 'kill';
}

const num = (event: StoredEvent, key: string): number => Number(event.data[key]);

const applyAccount = async (event: StoredEvent, ctx: ProjectionContext): Promise<void> => {
  const accounts = ctx.table('accounts');
  const q = (sql: string, params: unknown[]): Promise<unknown> => ctx.manager.query(sql, params);
  switch (event.type) {
    case 'AccountOpened':
      await q(
        `INSERT INTO ${accounts} (stream_id, name, balance, tx_count, last_version)
         VALUES ($1, $2, $3, 0, $4) ON CONFLICT (stream_id) DO NOTHING`,
        [event.streamId, event.data['name'], num(event, 'initial'), event.version],
      );
      return;
    case 'Deposited':
    case 'Withdrawn': {
      const delta = event.type === 'Deposited' ? num(event, 'amount') : -num(event, 'amount');
      // Guarded by the stream version: the idempotent upsert authors are asked to write.
      await q(
        `UPDATE ${accounts} SET balance = balance + $2, tx_count = tx_count + 1, last_version = $3
          WHERE stream_id = $1 AND last_version < $3`,
        [event.streamId, delta, event.version],
      );
      return;
    }
    case 'AccountRenamed':
      await q(
        `UPDATE ${accounts} SET name = $2, last_version = $3 WHERE stream_id = $1 AND last_version < $3`,
        [event.streamId, event.data['name'], event.version],
      );
      return;
    case 'AccountClosed':
      await q(`DELETE FROM ${accounts} WHERE stream_id = $1`, [event.streamId]);
      return;
  }
};

/**
 * A per-stream summary (inserts, updates, deletes) plus a per-type counter. The counter is
 * deliberately NOT idempotent: if the runner ever applied an event twice, it would show.
 */
export const accountProjection = (
  options: { version?: number; fault?: () => ApplyFault | undefined } = {},
): Projection =>
  defineProjection({
    name: 'account_summary',
    version: options.version ?? 1,
    handles: ['AccountOpened', 'Deposited', 'Withdrawn', 'AccountRenamed', 'AccountClosed'],
    tables: [
      {
        name: 'accounts',
        ddl: (t) => [
          `CREATE TABLE ${t} (
             stream_id text PRIMARY KEY,
             name text NOT NULL,
             balance bigint NOT NULL,
             tx_count integer NOT NULL,
             last_version integer NOT NULL
           )`,
          `CREATE INDEX ON ${t} (name)`,
        ],
      },
      {
        name: 'event_counts',
        ddl: (t) => `CREATE TABLE ${t} (type text PRIMARY KEY, applied integer NOT NULL)`,
      },
    ],
    async apply(event, ctx) {
      await applyAccount(event, ctx);
      await ctx.manager.query(
        `INSERT INTO ${ctx.table('event_counts')} (type, applied) VALUES ($1, 1)
         ON CONFLICT (type) DO UPDATE SET applied = ${ctx.table('event_counts')}.applied + 1`,
        [event.type],
      );
      const fault = options.fault?.();
      if (fault?.eventId === event.id) {
        if (fault.mode === 'kill') await ctx.manager.query('SELECT pg_terminate_backend(pg_backend_pid())');
        throw new Error(`injected fault at event ${event.id}`);
      }
    },
  });
