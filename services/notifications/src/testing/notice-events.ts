import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { KafkaEnvelope } from '@crm/messaging';

export interface SentNotice {
  readonly envelope: KafkaEnvelope;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Publishes a contract event as a service's relay does. Passing an earlier `envelope` again is a
 * redelivery (same event id).
 */
export const sendNotice = async (
  producer: Producer,
  topic: string,
  event: { readonly type: string; readonly data: Readonly<Record<string, unknown>> } | KafkaEnvelope,
  aggregateId = 'agg-1',
): Promise<SentNotice> => {
  const at = new Date().toISOString();
  const envelope: KafkaEnvelope =
    'eventId' in event
      ? event
      : {
          eventId: randomUUID(),
          type: event.type,
          streamId: `stream-${aggregateId}`,
          aggregateId,
          version: 1,
          position: { commit: '1', prepare: '1' },
          occurredAt: at,
          recordedAt: at,
          correlationId: `test-${randomUUID()}`,
          data: event.data,
        };
  const [sent] = await producer.send({
    topic,
    messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
  });
  if (sent === undefined || sent.baseOffset === undefined)
    throw new Error(`no acknowledgement from ${topic}`);
  return { envelope, partition: sent.partition, offset: sent.baseOffset };
};
