import type { Pool, PoolClient } from 'pg';
import { SharedTransaction } from '@crm/event-store';
import { migrateSchema, qualifiedName, withTransaction } from '@crm/postgres';

/** A request's first answer, or a key that was used for another request. */
export type StoredAnswer =
  | { readonly kind: 'replay'; readonly status: number; readonly body: unknown }
  | { readonly kind: 'mismatch' };

export interface IdempotencyRequest {
  readonly actorId: string;
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly requestHash: string;
}

/** Thrown inside a request's transaction when the key turns out to be answered already. */
export class IdempotencyKeyTaken extends Error {
  constructor(readonly answer: StoredAnswer | { readonly kind: 'in_progress' }) {
    super(`idempotency key already taken (${answer.kind})`);
  }
}

interface KeyRow {
  readonly request_hash: string;
  readonly status_code: number | null;
  readonly response: unknown;
}

const LOCK_NOT_AVAILABLE = '55P03';

/**
 * `<schema>.idempotency_keys`: one row per (actor, key) holding the status and body every repeat
 * gets. The row is inserted and answered inside the request's own transaction (see
 * `transactionFor`), so it exists exactly when the request's effects were committed: a request
 * that rolled back or crashed leaves no claim, and a committed one always leaves its answer.
 */
export class IdempotencyStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    /** How long a duplicate waits for the first request's transaction before a 409. */
    private readonly waitForFirstMs = 10_000,
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
      // Claims without an answer were written outside the request's transaction by earlier
      // versions; they cannot tell whether their request committed, so they answer nothing.
      await client.query(`delete from ${this.table} where status_code is null`);
    });
  }

  /** The stored answer for this key, if its request committed; read without waiting. */
  async lookup(request: IdempotencyRequest): Promise<StoredAnswer | undefined> {
    return this.read(this.pool, request);
  }

  /**
   * The transaction a keyed request's units of work share. It begins by claiming the key: a
   * concurrent duplicate's insert waits on the unique key until this transaction ends, then finds
   * the answer (IdempotencyKeyTaken) instead of running again.
   */
  transactionFor(request: IdempotencyRequest): SharedTransaction {
    return new SharedTransaction(this.pool, (client) => this.claimWithin(client, request));
  }

  /** Records the answer in the request's transaction, next to its effects. */
  async answerWithin(
    client: PoolClient,
    request: IdempotencyRequest,
    status: number,
    body: unknown,
  ): Promise<void> {
    await client.query(
      `update ${this.table} set status_code = $3, response = $4::jsonb, completed_at = now()
       where actor_id = $1 and key = $2`,
      [request.actorId, request.key, status, JSON.stringify(body ?? null)],
    );
  }

  /**
   * Stores a refusal (4xx) of a request that wrote nothing; when a duplicate answered first, its
   * answer is returned instead and nothing is stored.
   */
  async answerAlone(
    request: IdempotencyRequest,
    status: number,
    body: unknown,
  ): Promise<StoredAnswer | undefined> {
    try {
      await withTransaction(this.pool, async (client) => {
        await this.claimWithin(client, request);
        await this.answerWithin(client, request, status, body);
      });
      return undefined;
    } catch (error) {
      if (error instanceof IdempotencyKeyTaken && error.answer.kind !== 'in_progress') return error.answer;
      throw error;
    }
  }

  /** Removes answered keys created before `before`; returns how many. */
  async purge(before: Date): Promise<number> {
    const result = await this.pool.query(
      `delete from ${this.table} where created_at < $1 and status_code is not null`,
      [before],
    );
    return result.rowCount ?? 0;
  }

  private async claimWithin(client: PoolClient, request: IdempotencyRequest): Promise<void> {
    const previous = await client.query<{ timeout: string }>(
      `select current_setting('lock_timeout') as timeout, set_config('lock_timeout', $1, true)`,
      [`${this.waitForFirstMs}ms`],
    );
    let inserted: number;
    try {
      const result = await client.query(
        `insert into ${this.table} (actor_id, key, method, path, request_hash)
         values ($1, $2, $3, $4, $5)
         on conflict (actor_id, key) do nothing`,
        [request.actorId, request.key, request.method, request.path, request.requestHash],
      );
      inserted = result.rowCount ?? 0;
    } catch (error) {
      if ((error as { code?: unknown }).code === LOCK_NOT_AVAILABLE) {
        throw new IdempotencyKeyTaken({ kind: 'in_progress' });
      }
      throw error;
    }
    await client.query(`select set_config('lock_timeout', $1, true)`, [previous.rows[0]?.timeout ?? '0']);
    if (inserted === 1) return;
    const answer = await this.read(client, request);
    // Gone again: the first request's answer was purged in between; treat the key as in use.
    throw new IdempotencyKeyTaken(answer ?? { kind: 'in_progress' });
  }

  private async read(db: Pool | PoolClient, request: IdempotencyRequest): Promise<StoredAnswer | undefined> {
    const existing = await db.query<KeyRow>(
      `select request_hash, status_code, response from ${this.table} where actor_id = $1 and key = $2`,
      [request.actorId, request.key],
    );
    const row = existing.rows[0];
    if (row === undefined) return undefined;
    if (row.request_hash !== request.requestHash) return { kind: 'mismatch' };
    if (row.status_code === null) return undefined;
    return { kind: 'replay', status: row.status_code, body: row.response };
  }
}
