import type { Pool } from 'pg';
import { migrateSchema } from '@crm/postgres';
import { quoteSchema } from './sql-runner';

/**
 * Tables of one service's event store. `transaction_id` + the xmin rule make the global log
 * gap-safe (see PostgresEventStore.readAll); `recorded_at` is kept at millisecond precision so a
 * JavaScript Date read back from it selects the same rows in an as-of read.
 */
const ddl = (s: string): string[] => [
  `create table if not exists ${s}.events (
     position bigserial primary key,
     transaction_id xid8 not null default pg_current_xact_id(),
     event_id uuid not null unique,
     stream_id text not null,
     version integer not null,
     type text not null,
     data jsonb not null,
     metadata jsonb not null,
     recorded_at timestamptz not null default date_trunc('milliseconds', statement_timestamp()),
     prev_hash text not null,
     hash text not null,
     unique (stream_id, version)
   )`,
  `create index if not exists events_global_order on ${s}.events (transaction_id, position)`,
  `create table if not exists ${s}.streams (
     stream_id text primary key,
     version integer not null,
     last_hash text not null
   )`,
  `create table if not exists ${s}.checkpoints (
     name text primary key,
     "commit" bigint not null,
     "prepare" bigint not null,
     updated_at timestamptz not null default now()
   )`,
];

/** Idempotent; the schema-wide migration lock of @crm/postgres serialises concurrent boots. */
export const migrateEventStore = (pool: Pool, schema: string): Promise<void> =>
  migrateSchema(pool, schema, async (client) => {
    for (const statement of ddl(quoteSchema(schema))) await client.query(statement);
  });
