import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import { parseEnvelope } from './kafka-envelope';
import { InboxProcessor, type InboxHandler, type InboxOutcome } from './inbox-processor';

export interface DeadLetter {
  readonly id: string;
  readonly consumer: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly eventId: string | null;
  readonly error: string;
  readonly failedAt: Date;
  readonly replayedAt: Date | null;
}

export class DeadLetterNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`dead letter ${id} not found`);
    this.name = 'DeadLetterNotFoundError';
  }
}

interface DeadLetterRow {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
  event_id: string | null;
  error: string;
  failed_at: Date;
  replayed_at: Date | null;
}

const toDeadLetter = (row: DeadLetterRow): DeadLetter => ({
  id: row.id,
  consumer: row.consumer,
  topic: row.topic,
  partition: row.partition,
  offset: row.offset,
  key: row.key === null ? null : row.key.toString('utf8'),
  value: row.value,
  headers: row.headers,
  eventId: row.event_id,
  error: row.error,
  failedAt: row.failed_at,
  replayedAt: row.replayed_at,
});

export interface DeadLettersOptions {
  readonly pool: Pool;
  readonly schema: string;
  /** Handlers by consumer name, used by {@link DeadLetters.replay}. */
  readonly handlers?: Readonly<Record<string, InboxHandler>>;
}

/** Operator view of parked messages: list them and replay them through the normal inbox path. */
export class DeadLetters {
  private readonly table: string;
  private readonly handlers = new Map<string, InboxHandler>();

  constructor(private readonly options: DeadLettersOptions) {
    this.table = qualifiedName(options.schema, 'dead_letters');
    for (const [consumer, handler] of Object.entries(options.handlers ?? {}))
      this.handlers.set(consumer, handler);
  }

  register(consumer: string, handler: InboxHandler): void {
    this.handlers.set(consumer, handler);
  }

  /** `consumer` null: every consumer of this schema. Empty when no consumer ever ran here (no table yet). */
  async list(
    consumer: string | null,
    options: { readonly pendingOnly?: boolean; readonly limit?: number } = {},
  ): Promise<DeadLetter[]> {
    if (!(await this.tableExists())) return [];
    const result = await this.options.pool.query<DeadLetterRow>(
      `select id, consumer, topic, "partition", "offset"::text as "offset", key, value, headers, event_id,
              error, failed_at, replayed_at
         from ${this.table}
        where ($1::text is null or consumer = $1) and ($2::boolean = false or replayed_at is null)
        order by failed_at, id
        limit $3`,
      [consumer, options.pendingOnly ?? false, options.limit ?? 1_000],
    );
    return result.rows.map(toDeadLetter);
  }

  async get(id: string): Promise<DeadLetter> {
    if (!(await this.tableExists())) throw new DeadLetterNotFoundError(id);
    const result = await this.options.pool.query<DeadLetterRow>(
      `select id, consumer, topic, "partition", "offset"::text as "offset", key, value, headers, event_id,
              error, failed_at, replayed_at
         from ${this.table} where id::text = $1`,
      [id],
    );
    const row = result.rows[0];
    if (!row) throw new DeadLetterNotFoundError(id);
    return toDeadLetter(row);
  }

  private async tableExists(): Promise<boolean> {
    const result = await this.options.pool.query<{ t: string | null }>(`select to_regclass($1)::text as t`, [
      this.table,
    ]);
    return result.rows[0]?.t !== null && result.rows[0]?.t !== undefined;
  }

  /** Dead letters not yet replayed, per consumer (for the dead-letter gauge). */
  async pendingCounts(): Promise<Record<string, number>> {
    const result = await this.options.pool.query<{ consumer: string; n: string }>(
      `select consumer, count(*)::text as n from ${this.table} where replayed_at is null group by consumer`,
    );
    return Object.fromEntries(result.rows.map((r) => [r.consumer, Number(r.n)]));
  }

  /**
   * Re-runs the consumer's handler through the inbox (so a message handled meanwhile is a no-op)
   * and marks the dead letter replayed in the same transaction. A message that still fails stays
   * pending and the error propagates; an unparseable one throws PoisonMessageError.
   */
  async replay(id: string): Promise<InboxOutcome> {
    const letter = await this.get(id);
    const handler = this.handlers.get(letter.consumer);
    if (!handler) throw new Error(`no handler registered for consumer '${letter.consumer}'`);
    const envelope = parseEnvelope(letter.value);
    const processor = new InboxProcessor({
      pool: this.options.pool,
      schema: this.options.schema,
      consumer: letter.consumer,
      handler,
    });
    return processor.process(
      envelope,
      { topic: letter.topic, partition: letter.partition, offset: letter.offset },
      async (tx) => {
        await tx.query(`update ${this.table} set replayed_at = now() where id = $1`, [letter.id]);
      },
    );
  }
}
