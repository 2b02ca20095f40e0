import type { Pool, PoolClient } from 'pg';
import { quoteIdent } from './quote-ident';

export type ReadAccessOutcome = 'granted' | 'no_such_role';

/**
 * Lets a read-only role (analysts, architecture §6) query a read schema: USAGE on the schema,
 * SELECT on its tables, and the same by default on every table the current user creates there
 * later (new projections, rebuilt shadow tables). Nothing else: no write, no event store.
 * Idempotent. A missing role is reported, not created: roles are the database owner's business.
 */
export const grantReadAccess = async (
  db: Pool | PoolClient,
  schema: string,
  role: string,
): Promise<ReadAccessOutcome> => {
  const exists = await db.query('select 1 from pg_roles where rolname = $1', [role]);
  if (exists.rowCount === 0) return 'no_such_role';
  const s = quoteIdent(schema);
  const r = quoteIdent(role);
  await db.query(`grant usage on schema ${s} to ${r}`);
  await db.query(`grant select on all tables in schema ${s} to ${r}`);
  await db.query(`alter default privileges in schema ${s} grant select on tables to ${r}`);
  return 'granted';
};
