import type { Pool, PoolClient } from 'pg';
import type { EventStore, ExpectedVersion, NewEvent } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { withTransaction } from '@crm/postgres';

export type AppendFn = (
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
) => Promise<unknown>;

/** What a unit of work hands its body: an append and the SQL connection of the same transaction. */
export interface UnitContext {
  readonly append: AppendFn;
  readonly db: Pool | PoolClient;
}

/**
 * Runs several appends (and rows such as a personal-data key) as one PostgreSQL transaction when
 * the event store is the PostgreSQL adapter, so a registration cannot leave a mobile reserved for a
 * customer that was never written. Other adapters have no cross-stream transaction: the steps run
 * in order and a crash in between leaves the first ones behind (the domain treats a retry of the
 * same registration as already done).
 */
export const runUnitOfWork = async <T>(
  store: EventStore,
  pool: Pool,
  body: (ctx: UnitContext) => Promise<T>,
): Promise<T> => {
  if (!(store instanceof PostgresEventStore)) {
    return body({ append: (s, e, x) => store.append(s, e, x), db: pool });
  }
  return withTransaction(pool, (client) =>
    body({ append: (s, e, x) => store.appendWithin(client, s, e, x), db: client }),
  );
};
