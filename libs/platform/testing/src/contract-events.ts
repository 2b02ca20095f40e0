import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';

/** The shape of the messaging platform's KafkaEnvelope (not imported: messaging's tests use this lib). */
const envelopeOf = (
  event: { readonly type: string; readonly data: Readonly<Record<string, unknown>> },
  options: {
    readonly aggregateId: string;
    readonly streamId?: string;
    readonly version?: number;
    readonly eventId?: string;
  },
) => {
  const at = new Date().toISOString();
  return {
    eventId: options.eventId ?? randomUUID(),
    type: event.type,
    streamId: options.streamId ?? `stream-${options.aggregateId}`,
    aggregateId: options.aggregateId,
    version: options.version ?? 1,
    position: { commit: '1', prepare: '1' },
    occurredAt: at,
    recordedAt: at,
    correlationId: `test-${randomUUID()}`,
    data: event.data,
  };
};

export type ContractEnvelope = ReturnType<typeof envelopeOf>;

export interface SentContractEvent {
  readonly envelope: ContractEnvelope;
  readonly partition: number;
  readonly offset: string;
}

/**
 * The envelope a service's relay would publish for one contract event of `aggregateId`'s stream.
 * `eventId` repeats an earlier delivery.
 */
/** The envelope a relay would publish for one contract event of `aggregateId`'s stream; `eventId` repeats a delivery. */
export const contractEnvelope = envelopeOf;

/** Publishes an envelope as the relay does (keyed by aggregate id); sending one again is a redelivery. */
export const sendContractEvent = async (
  producer: Producer,
  topic: string,
  envelope: ContractEnvelope,
): Promise<SentContractEvent> => {
  const [sent] = await producer.send({
    topic,
    messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
  });
  if (sent === undefined || sent.baseOffset === undefined)
    throw new Error(`no acknowledgement from ${topic}`);
  return { envelope, partition: sent.partition, offset: sent.baseOffset };
};
