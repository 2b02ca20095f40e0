import type { DataSource } from 'typeorm';
import type { AccountRow } from './account-workload';

export const accountRows = async (db: DataSource, table: string): Promise<AccountRow[]> =>
  (await db.query(
    `SELECT stream_id, name, balance::text AS balance, tx_count, last_version FROM ${table} ORDER BY stream_id`,
  )) as AccountRow[];

export const eventCounts = async (
  db: DataSource,
  table: string,
): Promise<{ type: string; applied: number }[]> =>
  (await db.query(`SELECT type, applied FROM ${table} ORDER BY type`)) as { type: string; applied: number }[];

export interface CheckpointView {
  commit: string;
  prepare: string;
  version: number;
}

export const checkpointRow = async (
  db: DataSource,
  schema: string,
  name: string,
): Promise<CheckpointView | undefined> =>
  (
    (await db.query(
      `SELECT "commit"::text AS commit, "prepare"::text AS prepare, version
         FROM "${schema}".projection_checkpoints WHERE name = $1`,
      [name],
    )) as CheckpointView[]
  )[0];
