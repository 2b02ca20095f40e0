import {
  chainBatch,
  expectationHolds,
  isIdempotentReplay,
  wrongVersion,
  type StreamHead,
} from '../append-batch';
import type { AppendResult, ExpectedVersion, NewEvent } from '../event-store.port';
import type { HeadCache } from './head-cache';
import { toChainedEvent, type EventRow } from './postgres-rows';
import type { PostgresStatements } from './postgres-statements';
import { isUniqueViolation, type SqlRunner } from './sql-runner';

const MAX_ATTEMPTS = 20;

interface WriteRow {
  readonly inserted: number;
  readonly position: string | null;
  readonly transaction_id: string | null;
}

/**
 * One append = one conditional statement in the common case (two when the head is not known
 * yet). The head row is the optimistic lock: its update only matches the version and hash the
 * batch was chained onto, so concurrent writers cannot both extend the same version.
 */
export class PostgresAppender {
  constructor(
    private readonly sql: PostgresStatements,
    private readonly heads: HeadCache,
  ) {}

  async append(
    db: SqlRunner,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    let head: StreamHead | null;
    let verified = false;
    const cached = this.heads.get(streamId);
    if (expected === 'no_stream') head = null;
    else if (
      cached !== undefined &&
      (expected === cached.version || expected === 'any' || expected === 'stream_exists')
    )
      head = cached;
    else {
      head = await this.readHead(db, streamId);
      verified = true;
    }
    const ids = events.map((event) => event.id);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (verified && !expectationHolds(expected, head)) {
        const replay = await this.replayResult(db, streamId, events, ids);
        if (replay !== undefined) return replay;
        throw wrongVersion(streamId, expected, head);
      }
      const chained = chainBatch(streamId, head, events);
      const last = chained[chained.length - 1];
      if (last === undefined) throw new Error('append: empty batch');
      const written = await this.write(db, streamId, head, chained, ids);
      if (written !== undefined) {
        this.heads.remember(streamId, { version: last.version, lastHash: last.hash });
        return { nextExpectedVersion: last.version, position: written };
      }
      const replay = await this.replayResult(db, streamId, events, ids);
      if (replay !== undefined) return replay;
      this.heads.forget(streamId);
      head = await this.readHead(db, streamId);
      verified = true;
    }
    throw wrongVersion(streamId, expected, head);
  }

  async readHead(db: SqlRunner, streamId: string): Promise<StreamHead | null> {
    const result = await db.query<{ version: number; last_hash: string }>({
      ...this.sql.readHead,
      values: [streamId],
    });
    const row = result.rows[0];
    return row === undefined ? null : { version: row.version, lastHash: row.last_hash };
  }

  private async write(
    db: SqlRunner,
    streamId: string,
    head: StreamHead | null,
    chained: ReturnType<typeof chainBatch>,
    ids: readonly string[],
  ): Promise<AppendResult['position'] | undefined> {
    const last = chained[chained.length - 1] as (typeof chained)[number];
    const batch = JSON.stringify(
      chained.map((event) => ({
        id: event.id,
        version: event.version,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        prev_hash: event.previousHash,
        hash: event.hash,
      })),
    );
    const common = [streamId, batch, ids, last.version, last.hash];
    try {
      const result =
        head === null
          ? await db.query<WriteRow>({ ...this.sql.createStream, values: common })
          : await db.query<WriteRow>({
              ...this.sql.advanceStream,
              values: [...common, head.version, head.lastHash],
            });
      const row = result.rows[0];
      if (row === undefined || row.inserted === 0 || row.position === null || row.transaction_id === null)
        return undefined;
      return { commit: BigInt(row.transaction_id), prepare: BigInt(row.position) };
    } catch (error) {
      // Only a concurrent writer racing on the same ids or version gets here; the caller re-checks.
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  /** The original result when this exact batch was stored before; undefined when none of its ids exist. */
  private async replayResult(
    db: SqlRunner,
    streamId: string,
    events: readonly NewEvent[],
    ids: readonly string[],
  ): Promise<AppendResult | undefined> {
    const found = await db.query<EventRow>({ text: this.sql.findByIds, values: [ids] });
    if (!isIdempotentReplay(streamId, events, found.rows.map(toChainedEvent))) return undefined;
    const first = found.rows[0] as EventRow;
    const original = await db.query<{ version: number; position: string }>({
      text: this.sql.originalAppend,
      values: [streamId, first.transaction_id],
    });
    const row = original.rows[0] as { version: number; position: string };
    return {
      nextExpectedVersion: row.version,
      position: { commit: BigInt(first.transaction_id), prepare: BigInt(row.position) },
    };
  }
}
