import type { GlobalPosition } from '@crm/event-store';
import { ensureSchema, qualifiedName } from '@crm/postgres';
import type { QueryRunner } from 'typeorm';

export const SHADOW_SUFFIX = '__shadow';
export const OLD_SUFFIX = '__old';

export const checkpointTable = (schema: string): string => qualifiedName(schema, 'projection_checkpoints');

export const shadowCheckpointName = (projectionName: string): string => `${projectionName}${SHADOW_SUFFIX}`;

export interface CheckpointRow {
  readonly position: GlobalPosition;
  readonly version: number;
}

/**
 * Inside the runner's transaction, creates the read schema and checkpoint table under the schema's
 * migration lock, the one every other migrator of this schema takes too (inbox, directory, ...).
 */
export const ensureReadSchema = async (runner: QueryRunner, schema: string): Promise<void> => {
  await ensureSchema(runner, schema);
  await runner.query(
    `CREATE TABLE IF NOT EXISTS ${checkpointTable(schema)} (
       name text PRIMARY KEY,
       "commit" bigint NOT NULL,
       "prepare" bigint NOT NULL,
       version integer NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
  );
};

/**
 * The lock every batch of a projection takes for the length of its transaction. A rebuild's swap
 * takes the live projection's lock, so the live runner pauses while tables change names.
 */
export const lockCheckpoint = async (runner: QueryRunner, schema: string, name: string): Promise<void> => {
  await runner.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
    `crm.projection:${schema}.${name}`,
  ]);
};

export const readCheckpoint = async (
  runner: QueryRunner,
  schema: string,
  name: string,
  forUpdate = false,
): Promise<CheckpointRow | undefined> => {
  const rows = (await runner.query(
    `SELECT "commit"::text AS commit, "prepare"::text AS prepare, version
       FROM ${checkpointTable(schema)} WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [name],
  )) as { commit: string; prepare: string; version: number }[];
  const row = rows[0];
  return (
    row && { position: { commit: BigInt(row.commit), prepare: BigInt(row.prepare) }, version: row.version }
  );
};

export const writeCheckpoint = async (
  runner: QueryRunner,
  schema: string,
  name: string,
  checkpoint: CheckpointRow,
): Promise<void> => {
  await runner.query(
    `INSERT INTO ${checkpointTable(schema)} (name, "commit", "prepare", version, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (name) DO UPDATE
       SET "commit" = excluded."commit", "prepare" = excluded."prepare", version = excluded.version, updated_at = now()`,
    [name, checkpoint.position.commit.toString(), checkpoint.position.prepare.toString(), checkpoint.version],
  );
};

export const deleteCheckpoint = async (runner: QueryRunner, schema: string, name: string): Promise<void> => {
  await runner.query(`DELETE FROM ${checkpointTable(schema)} WHERE name = $1`, [name]);
};

export const tableExists = async (runner: QueryRunner, schema: string, table: string): Promise<boolean> => {
  const rows = (await runner.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    qualifiedName(schema, table),
  ])) as {
    present: boolean;
  }[];
  return rows[0]?.present === true;
};

/** Runs `work` in a transaction on its own connection from the DataSource's pool. */
export const inTransaction = async <T>(
  createRunner: () => QueryRunner,
  work: (runner: QueryRunner) => Promise<T>,
): Promise<T> => {
  const runner = createRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const result = await work(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
};
