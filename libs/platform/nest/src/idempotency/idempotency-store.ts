import type { Pool } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';

export type IdempotencyClaim =
  | { readonly kind: 'started' }
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'in_progress' }
  | { readonly kind: 'mismatch' };

export interface IdempotencyRequest {
  readonly actorId: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly requestHash: string;
}

interface KeyRow {
  readonly request_hash: string;
  readonly status_code: number | null;
  readonly response: unknown;
}

/**
 * `<schema>.idempotency_keys`: one row per (actor, key). A row without status is a request in
 * flight; once answered it holds the status and body every repeat gets.
 */
export class IdempotencyStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    /** An in-flight claim older than this is presumed abandoned (crashed process) and may be taken over. */
    private readonly staleAfterSeconds = 120,
  ) {
    this.table = qualifiedName(schema, 'idempotency_keys');
  }

  migrate(): Promise<void> {
    return migrateSchema(this.pool, this.schema, async (client) => {
      await client.query(`create table if not exists ${this.table} (
        actor_id text not null,
        key text not null,
        method text not null,
        path text not null,
        request_hash text not null,
        status_code integer,
        response jsonb,
        created_at timestamptz not null default now(),
        completed_at timestamptz,
        primary key (actor_id, key)
      )`);
      await client.query(
        `create index if not exists idempotency_keys_created_at on ${this.table} (created_at)`,
      );
    });
  }

  async claim(request: IdempotencyRequest): Promise<IdempotencyClaim> {
    // A row can vanish between the insert and the read (its request failed and was released): retry once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const inserted = await this.pool.query(
        `insert into ${this.table} (actor_id, key, method, path, request_hash)
         values ($1, $2, $3, $4, $5)
         on conflict (actor_id, key) do update set created_at = now()
           where ${this.table}.status_code is null
             and ${this.table}.request_hash = excluded.request_hash
             and ${this.table}.created_at < now() - make_interval(secs => $6)
         returning 1`,
        [
          request.actorId,
          request.key,
          request.method,
          request.path,
          request.requestHash,
          this.staleAfterSeconds,
        ],
      );
      if (inserted.rowCount === 1) return { kind: 'started' };
      const existing = await this.pool.query<KeyRow>(
        `select request_hash, status_code, response from ${this.table} where actor_id = $1 and key = $2`,
        [request.actorId, request.key],
      );
      const row = existing.rows[0];
      if (row === undefined) continue;
      if (row.request_hash !== request.requestHash) return { kind: 'mismatch' };
      if (row.status_code === null) return { kind: 'in_progress' };
      return { kind: 'replay', status: row.status_code, body: row.response };
    }
    return { kind: 'in_progress' };
  }

  async complete(actorId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.pool.query(
      `update ${this.table} set status_code = $3, response = $4::jsonb, completed_at = now()
       where actor_id = $1 and key = $2`,
      [actorId, key, status, JSON.stringify(body ?? null)],
    );
  }

  /** Forgets an in-flight claim whose request failed unexpectedly, so the client may retry it. */
  async release(actorId: string, key: string): Promise<void> {
    await this.pool.query(
      `delete from ${this.table} where actor_id = $1 and key = $2 and status_code is null`,
      [actorId, key],
    );
  }

  /** Removes answered keys created before `before`; returns how many. In-flight claims stay. */
  async purge(before: Date): Promise<number> {
    const result = await this.pool.query(
      `delete from ${this.table} where created_at < $1 and status_code is not null`,
      [before],
    );
    return result.rowCount ?? 0;
  }
}
