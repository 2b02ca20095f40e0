import type { Pool } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';

/**
 * Creates `<schema>.inbox` (one row per consumer and handled event id: the dedupe key) and
 * `<schema>.dead_letters` (messages that kept failing or could not be parsed). Idempotent.
 */
export const migrateInbox = (pool: Pool, schema: string): Promise<void> =>
  migrateSchema(pool, schema, async (client) => {
    const inbox = qualifiedName(schema, 'inbox');
    const deadLetters = qualifiedName(schema, 'dead_letters');
    await client.query(`
      create table if not exists ${inbox} (
        consumer     text        not null,
        event_id     text        not null,
        event_type   text        not null,
        topic        text,
        "partition"  integer,
        "offset"     bigint,
        processed_at timestamptz not null default now(),
        primary key (consumer, event_id)
      )`);
    await client.query(`
      create table if not exists ${deadLetters} (
        id          uuid        primary key default gen_random_uuid(),
        consumer    text        not null,
        topic       text        not null,
        "partition" integer     not null,
        "offset"    bigint      not null,
        key         bytea,
        value       bytea,
        headers     jsonb       not null default '{}'::jsonb,
        event_id    text,
        error       text        not null,
        failed_at   timestamptz not null default now(),
        replayed_at timestamptz,
        unique (consumer, topic, "partition", "offset")
      )`);
    await client.query(
      `create index if not exists dead_letters_consumer_idx on ${deadLetters} (consumer, failed_at)`,
    );
  });
