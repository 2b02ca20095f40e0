import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { KafkaEnvelope } from '@crm/messaging';
import type { CreditAccountBlockedV1, CreditAccountUnblockedV1 } from '@crm/credit-contracts';

export interface SentCreditEvent {
  readonly envelope: KafkaEnvelope;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Sends a credit contract event as the credit relay does: keyed by account id, with the account
 * stream's version. `eventId` repeats an earlier delivery.
 */
export const sendCreditEvent = async (
  producer: Producer,
  topic: string,
  event: { readonly type: string; readonly data: CreditAccountBlockedV1 | CreditAccountUnblockedV1 },
  options: { readonly version: number; readonly eventId?: string },
): Promise<SentCreditEvent> => {
  const at = new Date().toISOString();
  const envelope: KafkaEnvelope = {
    eventId: options.eventId ?? randomUUID(),
    type: event.type,
    streamId: `credit-account-${event.data.accountId}`,
    aggregateId: event.data.accountId,
    version: options.version,
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
