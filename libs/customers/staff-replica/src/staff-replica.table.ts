import type { Pool } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';

export const STAFF_REPLICA_TABLE = 'staff_replica';

export const staffReplicaTable = (readSchema: string): string =>
  qualifiedName(readSchema, STAFF_REPLICA_TABLE);

/**
 * `<read schema>.staff_replica`: one row per version of each member, valid from `valid_from`
 * (the fact's business time) until `valid_to` (the next version's, null for the current one), so
 * "who held post P in BU B at instant T" is one indexed query. `event_version` (the employee
 * stream's version) makes a redelivered or older message change nothing.
 */
export const migrateStaffReplica = (pool: Pool, readSchema: string): Promise<void> =>
  migrateSchema(pool, readSchema, async (client) => {
    const table = staffReplicaTable(readSchema);
    await client.query(`create table if not exists ${table} (
      employee_id text not null,
      event_version integer not null,
      event_id text not null,
      valid_from timestamptz not null,
      valid_to timestamptz,
      bu text not null,
      status text not null,
      display_name text not null,
      posts text[] not null,
      email text,
      primary key (employee_id, event_version)
    )`);
    await client.query(
      `create index if not exists staff_replica_as_of on ${table} (employee_id, valid_from desc)`,
    );
    await client.query(`create index if not exists staff_replica_posts on ${table} using gin (posts)`);
  });
