import { randomBytes } from 'node:crypto';
import { GENESIS_HASH, PostgresEventStore, type NewEvent } from '@crm/event-store';
import type { Pool } from 'pg';

/** One write of `events` (all to one stream, starting at `version`) through one of the compared paths. */
export interface AppendTarget {
  readonly name: 'event-store' | 'plain-insert';
  write(streamId: string, version: number, events: readonly NewEvent[]): Promise<void>;
  rowCount(): Promise<number>;
}

/** The real adapter: optimistic concurrency on the stream head, hash chain, idempotency guard. */
export const eventStoreTarget = (store: PostgresEventStore, pool: Pool): AppendTarget => ({
  name: 'event-store',
  write: async (streamId, version, events) => {
    await store.append(streamId, events, version === 0 ? 'no_stream' : version - 1);
  },
  rowCount: async () => countRows(pool, `"${store.schema}".events`),
});

/**
 * The baseline: a copy of the store's own `events` table (same columns, types, defaults, keys and
 * global-order index, taken from the live table so it cannot drift from it), with its own position
 * sequence, written with a bare prepared INSERT - no head row, no hash computation, no duplicate-id
 * check. Hash columns get random values of the real length so rows are the same size. Call after
 * the store's migrate().
 */
export const createPlainTable = async (pool: Pool, schema: string): Promise<string> => {
  const table = `"${schema}".plain_events`;
  await pool.query(`create table ${table} (like "${schema}".events including all)`);
  await pool.query(`create sequence "${schema}".plain_events_position_seq owned by ${table}.position`);
  await pool.query(
    `alter table ${table} alter column position set default nextval('"${schema}".plain_events_position_seq')`,
  );
  return table;
};

const COLUMNS = 8;

const insertStatement = (table: string, rows: number) => {
  const tuples = Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: COLUMNS }, (_, c) => `$${r * COLUMNS + c + 1}`).join(', ')})`,
  );
  return {
    // Named like the store's statements so both paths are prepared once per connection.
    name: `plain_insert_${rows}_${table.replace(/[^a-z0-9]/g, '').slice(-20)}`,
    text: `insert into ${table} (event_id, stream_id, version, type, data, metadata, prev_hash, hash)
      values ${tuples.join(', ')}`,
  };
};

/**
 * One statement per append: a single-row INSERT for one event, a multi-row INSERT for a batch (the
 * store also writes a batch in one statement), autocommitted like the store's append.
 */
export const plainInsertTarget = (pool: Pool, table: string): AppendTarget => {
  const statements = new Map<number, ReturnType<typeof insertStatement>>();
  return {
    name: 'plain-insert',
    write: async (streamId, version, events) => {
      let statement = statements.get(events.length);
      if (statement === undefined) {
        statement = insertStatement(table, events.length);
        statements.set(events.length, statement);
      }
      let previous = version === 0 ? GENESIS_HASH : randomBytes(32).toString('hex');
      const values: unknown[] = [];
      events.forEach((event, i) => {
        const hash = randomBytes(32).toString('hex');
        values.push(
          event.id,
          streamId,
          version + i,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          previous,
          hash,
        );
        previous = hash;
      });
      await pool.query({ ...statement, values });
    },
    rowCount: () => countRows(pool, table),
  };
};

const countRows = async (pool: Pool, table: string): Promise<number> => {
  const result = await pool.query<{ n: string }>(`select count(*)::text as n from ${table}`);
  return Number(result.rows[0]?.n ?? 0);
};
