import type { Pool } from 'pg';
import { START, type CheckpointStore, type GlobalPosition } from '../event-store.port';
import { quoteSchema } from './sql-runner';

/** Checkpoints in the event store's own `checkpoints` table (created by PostgresEventStore.migrate). */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.table = `${quoteSchema(schema)}.checkpoints`;
  }

  async load(name: string): Promise<GlobalPosition> {
    const result = await this.pool.query<{ commit: string; prepare: string }>(
      `select "commit"::text as commit, "prepare"::text as prepare from ${this.table} where name = $1`,
      [name],
    );
    const row = result.rows[0];
    return row === undefined ? START : { commit: BigInt(row.commit), prepare: BigInt(row.prepare) };
  }

  async store(name: string, position: GlobalPosition): Promise<void> {
    await this.pool.query(
      `insert into ${this.table} (name, "commit", "prepare") values ($1, $2, $3)
       on conflict (name) do update set "commit" = excluded."commit", "prepare" = excluded."prepare", updated_at = now()`,
      [name, position.commit.toString(), position.prepare.toString()],
    );
  }
}
