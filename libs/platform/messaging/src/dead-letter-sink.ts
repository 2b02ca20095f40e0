import type { IHeaders, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { qualifiedName, storableText } from '@crm/postgres';
import { dlqTopicFor } from './kafka-topics';
import { describeError } from './retry-policy';

export const DLQ_HEADERS = {
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
  /** Set when the value did not fit the dead-letter topic; the dead_letters row keeps it whole. */
  valueOmitted: 'dlq-value-omitted',
} as const;

export interface FailedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
  readonly eventId?: string;
}

/** Header values as storable text (the raw headers travel on with the dead-letter topic copy). */
export const headersAsText = (headers: IHeaders): Record<string, string> => {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    text[storableText(name, 200)] = storableText(
      (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(','),
    );
  }
  return text;
};

/** kafkajs wraps the broker's refusal; the protocol error's `type` says what it was. */
const isTooLarge = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const { type, cause } = error as { type?: unknown; cause?: unknown };
  return type === 'MESSAGE_TOO_LARGE' || isTooLarge(cause, depth + 1);
};

/**
 * Parks a message that cannot be processed: a row in `<schema>.dead_letters` (what operators list
 * and replay) and a copy with error headers on `crm.<consumer>.dlq` (for tooling outside the
 * service). The row is unique per source offset, so a redelivery after a crash does not duplicate it.
 */
export class DeadLetterSink {
  readonly topic: string;
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
    private readonly consumer: string,
    private readonly producer: Producer,
  ) {
    this.topic = dlqTopicFor(consumer);
    this.table = qualifiedName(schema, 'dead_letters');
  }

  async send(message: FailedMessage, error: unknown): Promise<void> {
    const failedAt = new Date().toISOString();
    const reason = storableText(describeError(error));
    await this.pool.query(
      `insert into ${this.table}
         (consumer, topic, "partition", "offset", key, value, headers, event_id, error, failed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (consumer, topic, "partition", "offset") do nothing`,
      [
        this.consumer,
        message.topic,
        message.partition,
        message.offset,
        message.key,
        message.value,
        JSON.stringify(headersAsText(message.headers)),
        message.eventId === undefined ? null : storableText(message.eventId, 200),
        reason,
        failedAt,
      ],
    );
    const headers = {
      ...message.headers,
      [DLQ_HEADERS.error]: reason,
      [DLQ_HEADERS.originalTopic]: message.topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.consumer]: this.consumer,
      [DLQ_HEADERS.failedAt]: failedAt,
    };
    const copy = (value: Buffer | null, extra: IHeaders = {}) =>
      this.producer.send({
        topic: this.topic,
        acks: -1,
        messages: [{ key: message.key, value, headers: { ...headers, ...extra } }],
      });
    try {
      await copy(message.value);
    } catch (sendError) {
      // A message the source topic took may not fit the dead-letter topic; refusing it forever
      // would halt the partition, and the row above already holds every byte.
      if (!isTooLarge(sendError)) throw sendError;
      await copy(null, {
        [DLQ_HEADERS.valueOmitted]: `too large for ${this.topic} (${message.value?.length ?? 0} bytes); see ${this.table}`,
      });
    }
  }
}
