import { randomUUID } from 'node:crypto';
import type { Producer, RecordMetadata } from 'kafkajs';
import { CUSTOMER_REGISTERED, type CustomerRegisteredV1 } from '@crm/customers-contracts';
import type { KafkaEnvelope } from '@crm/messaging';

/** A valid `CustomerRegistered` v1 payload; personal data is an opaque sealed blob, as on the wire. */
export const aCustomerRegistered = (overrides: Partial<CustomerRegisteredV1> = {}): CustomerRegisteredV1 => {
  const ownerBu = overrides.ownerBu ?? 'bu-1';
  return {
    customerId: randomUUID(),
    ownerBu,
    ownerEmployeeId: `e-${ownerBu}`,
    source: 'walk_in',
    registeredAt: new Date().toISOString(),
    personalData: { alg: 'AES-256-GCM', keyId: randomUUID(), ciphertext: 'c2VhbGVkLWJ5LWN1c3RvbWVycw==' },
    ...overrides,
  };
};

export interface EnvelopeOptions {
  /** Stream version of the event (default 0: the registration starts the customer's stream). */
  readonly version?: number;
  readonly eventId?: string;
  /** Another event type, e.g. one this replica does not know yet. */
  readonly type?: string;
}

/**
 * The envelope the customers relay would publish for `data`. `data` may break the contract on
 * purpose (dead-letter tests), so any object with a `customerId` is accepted.
 */
export const customerEventEnvelope = (
  data: Readonly<Record<string, unknown>> & { readonly customerId: string },
  options: EnvelopeOptions = {},
): KafkaEnvelope => {
  const at = typeof data['registeredAt'] === 'string' ? data['registeredAt'] : new Date().toISOString();
  return {
    eventId: options.eventId ?? randomUUID(),
    type: options.type ?? CUSTOMER_REGISTERED,
    streamId: `customer-${data.customerId}`,
    aggregateId: data.customerId,
    version: options.version ?? 0,
    position: { commit: '1', prepare: '1' },
    occurredAt: at,
    recordedAt: at,
    correlationId: `fixture-${randomUUID()}`,
    data,
  };
};

export interface Published {
  readonly envelope: KafkaEnvelope;
  readonly partition: number;
  readonly offset: string;
}

/** Sends one envelope keyed by customer id (as the relay does) and says where it landed. */
export const publishCustomerEvent = async (
  producer: Producer,
  topic: string,
  envelope: KafkaEnvelope,
): Promise<Published> => {
  const [sent]: RecordMetadata[] = await producer.send({
    topic,
    messages: [{ key: envelope.aggregateId, value: JSON.stringify(envelope) }],
  });
  if (sent === undefined || sent.baseOffset === undefined)
    throw new Error(`no acknowledgement from ${topic}`);
  return { envelope, partition: sent.partition, offset: sent.baseOffset };
};
