import type { Pool, PoolClient } from 'pg';
import { ensureSchema } from './migrate-schema';
import { quoteIdent } from './quote-ident';
import { withTransaction } from './with-transaction';

/**
 * The database role a service connects as (docs/platform.md, "Database roles"): it owns the
 * service's schemas, so it is the only non-superuser role that can append to its event store, and
 * the gap-safe horizon waits only for its transactions (PostgresEventStore.readAll).
 */
export const writerRoleFor = (serviceName: string): string => {
  const role = `crm_${serviceName.toLowerCase().replace(/[^a-z0-9_]/g, '_')}_writer`;
  quoteIdent(role);
  return role;
};

/** `url` with its user replaced by `role` and no password (the role logs in like its creator did). */
export const connectionUrlAs = (url: string, role: string): string => {
  const parsed = new URL(url);
  parsed.username = role;
  parsed.password = '';
  return parsed.toString();
};

export type WriterRoleOutcome = 'already-connected-as-role' | 'prepared';

// duplicate_object, unique_violation: another process (or database) created the same role first.
const RACED = new Set(['42710', '23505']);
const raced = (error: unknown): boolean =>
  RACED.has(String((error as { code?: unknown } | null)?.code ?? ''));

const clusterWide = async (pool: Pool, statement: string): Promise<void> => {
  try {
    await pool.query(statement);
  } catch (error) {
    if (!raced(error)) throw error;
  }
};

/** Hands every relation of `schema` not owned by `role` over to it (tables before their sequences). */
const takeOver = async (client: PoolClient, schema: string, role: string): Promise<void> => {
  const r = quoteIdent(role);
  const s = quoteIdent(schema);
  const owner = await client.query<{ owner: string }>(
    `select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = $1`,
    [schema],
  );
  if (owner.rows[0]?.owner !== role) await client.query(`alter schema ${s} owner to ${r}`);
  const kinds: ReadonlyArray<readonly [string, string]> = [
    ['r', 'table'],
    ['p', 'table'],
    ['v', 'view'],
    ['m', 'materialized view'],
    // Sequences of serial columns moved with their table; what is left stands alone.
    ['S', 'sequence'],
  ];
  for (const [kind, keyword] of kinds) {
    const relations = await client.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = $1 and c.relkind = $2 and pg_get_userbyid(c.relowner) <> $3`,
      [schema, kind, role],
    );
    for (const { name } of relations.rows) {
      await client.query(`alter ${keyword} ${s}.${quoteIdent(name)} owner to ${r}`);
    }
  }
};

/**
 * Run with the administrator connection of DATABASE_URL before the service opens its pools: creates
 * `role` (LOGIN, no password: it authenticates like the administrator did, e.g. trust on a local
 * server), lets it connect and create schemas in this database and read every session's
 * pg_stat_activity row (to name what holds the log), and hands it ownership of `schemas` and all
 * they contain (tables created by earlier versions, before services had roles). Idempotent and safe
 * for concurrent boots. Nothing to do when DATABASE_URL already logs in as `role` (production: the
 * role and its ownership are the DBA's, e.g. with this same function run once).
 */
export const prepareWriterRole = async (
  pool: Pool,
  role: string,
  schemas: readonly string[],
): Promise<WriterRoleOutcome> => {
  const r = quoteIdent(role);
  const me = await pool.query<{ user: string }>('select current_user as user');
  if (me.rows[0]?.user === role) return 'already-connected-as-role';
  // Roles and their memberships are cluster-wide (outside any database lock): tolerate a race.
  const exists = await pool.query('select 1 from pg_roles where rolname = $1', [role]);
  if (exists.rowCount === 0) await clusterWide(pool, `create role ${r} login`);
  const stats = await pool.query(`select pg_has_role($1, 'pg_read_all_stats', 'MEMBER') as ok`, [role]);
  if (stats.rows[0]?.ok !== true) await clusterWide(pool, `grant pg_read_all_stats to ${r}`);
  await withTransaction(pool, async (client) => {
    // Concurrent GRANTs on one database fail with "tuple concurrently updated": one at a time.
    await client.query(`select pg_advisory_xact_lock(hashtextextended('crm.writer-role', 0))`);
    const db = await client.query<{ ok: boolean }>(
      `select has_database_privilege($1, current_database(), 'CREATE') as ok`,
      [role],
    );
    if (db.rows[0]?.ok !== true) {
      const name = await client.query<{ db: string }>('select current_database() as db');
      await client.query(`grant connect, create on database ${quoteIdent(name.rows[0]?.db ?? '')} to ${r}`);
    }
    for (const schema of [...new Set(schemas)].sort()) {
      await ensureSchema(client, schema);
      await takeOver(client, schema, role);
    }
  });
  return 'prepared';
};
