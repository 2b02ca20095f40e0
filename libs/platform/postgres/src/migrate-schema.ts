import type { Pool, PoolClient } from 'pg';
import { quoteIdent } from './quote-ident';
import { withTransaction } from './with-transaction';

/** Anything that runs a parameterised statement: a pg client or a TypeORM QueryRunner. */
export interface SqlExecutor {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Inside the caller's transaction: waits for the one migration lock of `schema`, then creates the
 * schema if it is missing. Every migrator of a schema (event store, inbox, idempotency keys, PII
 * keys, timers, read models...) must take this same lock: two concurrent `create schema if not
 * exists` under different locks collide on pg_namespace's unique index (SQLSTATE 23505). The lock is
 * transaction-scoped, so it is released by the commit or rollback that ends the caller's work.
 */
export const ensureSchema = async (db: SqlExecutor, schema: string): Promise<void> => {
  const quoted = quoteIdent(schema);
  await db.query(`select pg_advisory_xact_lock(hashtextextended('crm.schema:' || $1, 0))`, [schema]);
  await db.query(`create schema if not exists ${quoted}`);
};

/**
 * Idempotent migration of one schema's tables: in one transaction, under the schema's migration
 * lock (see ensureSchema), creates the schema if missing and runs `ddl`. Safe when several stores of
 * one service, or several replicas, migrate the same schema at once.
 */
export const migrateSchema = (
  pool: Pool,
  schema: string,
  ddl: (client: PoolClient) => Promise<void>,
): Promise<void> =>
  withTransaction(pool, async (client) => {
    await ensureSchema(client, schema);
    await ddl(client);
  });
