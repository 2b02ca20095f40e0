import type { Pool, PoolClient } from 'pg';
import { qualifiedName, withTransaction } from '@crm/postgres';
import type { KafkaEnvelope } from './kafka-envelope';

/** A consumer's effect: runs inside the transaction that also writes the inbox row. */
export type InboxHandler = (envelope: KafkaEnvelope, tx: PoolClient) => Promise<void>;

export type InboxOutcome = 'processed' | 'duplicate';

/** Where the envelope came from; recorded on the inbox row for tracing. */
export interface MessageSource {
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
}

export interface InboxProcessorOptions {
  readonly pool: Pool;
  readonly schema: string;
  /** Consumer name: the first half of the dedupe key. */
  readonly consumer: string;
  readonly handler: InboxHandler;
}

/**
 * The exactly-once-effect core shared by live consumption and dead-letter replay: inbox row and
 * handler effects commit together or not at all, so a redelivered event id is a no-op.
 */
export class InboxProcessor {
  private readonly inboxTable: string;

  constructor(private readonly options: InboxProcessorOptions) {
    this.inboxTable = qualifiedName(options.schema, 'inbox');
  }

  get consumer(): string {
    return this.options.consumer;
  }

  /**
   * @param alsoInTransaction runs last inside the same transaction whatever the outcome (used to
   *   mark a dead letter replayed atomically with its effects).
   */
  process(
    envelope: KafkaEnvelope,
    source: MessageSource = {},
    alsoInTransaction?: (tx: PoolClient, outcome: InboxOutcome) => Promise<void>,
  ): Promise<InboxOutcome> {
    return withTransaction(this.options.pool, async (tx) => {
      const inserted = await tx.query(
        `insert into ${this.inboxTable} (consumer, event_id, event_type, topic, "partition", "offset")
         values ($1, $2, $3, $4, $5, $6)
         on conflict (consumer, event_id) do nothing`,
        [
          this.options.consumer,
          envelope.eventId,
          envelope.type,
          source.topic ?? null,
          source.partition ?? null,
          source.offset ?? null,
        ],
      );
      const outcome: InboxOutcome = inserted.rowCount === 1 ? 'processed' : 'duplicate';
      if (outcome === 'processed') await this.options.handler(envelope, tx);
      if (alsoInTransaction) await alsoInTransaction(tx, outcome);
      return outcome;
    });
  }
}
