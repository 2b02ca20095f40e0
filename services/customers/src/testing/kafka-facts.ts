import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { KafkaEnvelope } from '@crm/messaging';
import { eventually, readTopic } from '@crm/testing';

export interface Sent {
  readonly topic: string;
  readonly envelope: KafkaEnvelope;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Plays another service in tests: publishes contract events on a topic exactly as its relay would
 * (envelope, keyed by customer id), and can tell when a consumer group has committed past a message.
 */
export class FactPublisher {
  private readonly kafka: Kafka;
  private producer?: Producer;

  constructor(private readonly brokers: readonly string[]) {
    this.kafka = new Kafka({
      clientId: `facts-${randomUUID()}`,
      brokers: [...brokers],
      logLevel: logLevel.NOTHING,
    });
  }

  async connect(): Promise<void> {
    this.producer = this.kafka.producer();
    await this.producer.connect();
  }

  envelope(type: string, customerId: string, data: Readonly<Record<string, unknown>>): KafkaEnvelope {
    const at = new Date().toISOString();
    return {
      eventId: randomUUID(),
      type,
      streamId: `fact-${customerId}`,
      aggregateId: customerId,
      version: 0,
      position: { commit: '1', prepare: '1' },
      occurredAt: at,
      recordedAt: at,
      correlationId: `test-${randomUUID()}`,
      data,
    };
  }

  async send(topic: string, envelope: KafkaEnvelope): Promise<Sent> {
    return { ...(await this.sendRaw(topic, envelope.aggregateId, JSON.stringify(envelope))), envelope };
  }

  /** Any bytes under a key, as a broken or hostile producer might send them. */
  async sendRaw(topic: string, key: string, value: Buffer | string | null): Promise<Omit<Sent, 'envelope'>> {
    if (this.producer === undefined) throw new Error('FactPublisher not connected');
    const [meta] = await this.producer.send({ topic, messages: [{ key, value }] });
    if (meta?.baseOffset === undefined) throw new Error(`no acknowledgement from ${topic}`);
    return { topic, partition: meta.partition, offset: meta.baseOffset };
  }

  /** Resolves once `groupId` has committed past `sent`: the consumer handled everything up to it. */
  async handled(groupId: string, sent: Sent): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await eventually(async () => {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [sent.topic] });
        const committed = offsets?.partitions.find((p) => p.partition === sent.partition)?.offset ?? '-1';
        return BigInt(committed) > BigInt(sent.offset) ? true : undefined;
      }, `${groupId} to commit past ${sent.topic} ${sent.partition}@${sent.offset}`);
    } finally {
      await admin.disconnect();
    }
  }

  /** Every message value on `topic` from the beginning, read with a throwaway group. */
  readAll(topic: string, atLeast: number): Promise<string[]> {
    return readTopic(this.brokers, topic, atLeast);
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }
}
