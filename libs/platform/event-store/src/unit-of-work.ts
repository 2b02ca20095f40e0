import type { Pool, PoolClient } from 'pg';
import type { AppendResult, EventStore, ExpectedVersion, NewEvent } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { currentSharedTransaction, readingWithin } from './shared-transaction';

export type AppendFn = (
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
) => Promise<AppendResult>;

/** What a unit of work hands its body: an append and the SQL connection of the same transaction. */
export interface UnitContext {
  readonly append: AppendFn;
  /** The transaction's connection (PostgreSQL store); the pool for adapters without transactions. */
  readonly db: Pool | PoolClient;
  /**
   * The transaction the appends are in (PostgreSQL store): rows written on it, such as timers
   * scheduled `{ within: unit.transaction }`, commit or roll back with the events. Undefined for
   * adapters without transactions.
   */
  readonly transaction: PoolClient | undefined;
}

/** Stands in for the pool a caller without side rows did not pass; using it is a programming error. */
const NO_POOL = new Proxy({} as Pool, {
  get: () => {
    throw new Error('this unit of work writes rows but was given no pool (store without transactions)');
  },
});

/**
 * Runs several appends (and rows such as a personal-data key) as one PostgreSQL transaction when
 * the event store is the PostgreSQL adapter, so a registration cannot leave a mobile reserved for a
 * customer that was never written. Inside a shared transaction (an Idempotency-Key request) the
 * unit joins it behind a savepoint and commits with the request's answer. Other adapters have no
 * cross-stream transaction: the steps run in order and a crash in between leaves the first ones
 * behind (the domain treats a retry of the same registration as already done).
 */
export const runUnitOfWork = async <T>(
  store: EventStore,
  /** The rows' connection when the store has no transactions (adapters other than PostgreSQL). */
  pool: Pool | undefined,
  body: (ctx: UnitContext) => Promise<T>,
): Promise<T> => {
  if (!(store instanceof PostgresEventStore)) {
    return body({ append: (s, e, x) => store.append(s, e, x), db: pool ?? NO_POOL, transaction: undefined });
  }
  const within = (client: PoolClient): Promise<T> =>
    readingWithin(client, () =>
      body({ append: (s, e, x) => store.appendWithin(client, s, e, x), db: client, transaction: client }),
    );
  const shared = currentSharedTransaction();
  return shared !== undefined ? shared.savepoint(within) : store.transaction(within);
};
