import type { IHeaders, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import { dlqTopicFor } from './kafka-topics';
import { describeError } from './retry-policy';

export const DLQ_HEADERS = {
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumer: 'dlq-consumer',
  failedAt: 'dlq-failed-at',
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

export const headersAsText = (headers: IHeaders): Record<string, string> => {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    text[name] = (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(',');
  }
  return text;
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
    const reason = describeError(error);
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
        message.eventId ?? null,
        reason,
        failedAt,
      ],
    );
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [DLQ_HEADERS.error]: reason,
            [DLQ_HEADERS.originalTopic]: message.topic,
            [DLQ_HEADERS.originalPartition]: String(message.partition),
            [DLQ_HEADERS.originalOffset]: message.offset,
            [DLQ_HEADERS.consumer]: this.consumer,
            [DLQ_HEADERS.failedAt]: failedAt,
          },
        },
      ],
    });
  }
}
