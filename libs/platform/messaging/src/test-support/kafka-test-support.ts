export { topicMessageCount } from '../kafka-topics';
import { randomUUID } from 'node:crypto';
import { type Admin, Kafka, logLevel, type KafkaMessage, type Producer } from 'kafkajs';
import type { KafkaEnvelope } from '../kafka-envelope';
import { ensureTopics } from '../kafka-topics';

/** Helpers for this library's integration tests only (not exported from the package). */
export const testKafka = (brokers: string[], clientId: string): Kafka =>
  new Kafka({ clientId, brokers, logLevel: logLevel.ERROR, retry: { retries: 3, initialRetryTime: 100 } });

export const waitFor = async (
  condition: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

export interface ReceivedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly message: KafkaMessage;
}

/** Reads a topic from the beginning with a throwaway group until `count` messages arrived. */
export const collectMessages = async (
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 20_000,
): Promise<ReceivedMessage[]> => {
  const consumer = kafka.consumer({
    groupId: `collector-${randomUUID()}`,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
  });
  const received: ReceivedMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        received.push({ partition, offset: message.offset, message });
      },
    });
    await waitFor(() => received.length >= count, `${count} messages on ${topic}`, timeoutMs);
    return received;
  } finally {
    await consumer.disconnect();
  }
};

export const sampleEnvelope = (overrides: Partial<KafkaEnvelope> = {}): KafkaEnvelope => ({
  eventId: randomUUID(),
  type: 'SomethingHappened',
  streamId: 'thing-1',
  aggregateId: 'thing-1',
  version: 0,
  position: { commit: '1', prepare: '1' },
  occurredAt: '2024-05-01T08:00:00.000Z',
  recordedAt: '2024-05-01T08:00:01.000Z',
  correlationId: randomUUID(),
  data: {},
  ...overrides,
});

export interface KafkaTestClients {
  readonly kafka: Kafka;
  readonly admin: Admin;
  readonly producer: Producer;
  /** Deletes the topics it created (and `alsoDelete`, e.g. dead-letter topics) and disconnects. */
  close(): Promise<void>;
}

/** A connected admin and producer (no topic auto-creation) with `topics` created. */
export const openKafkaTestClients = async (
  brokers: string[],
  clientId: string,
  topics: readonly string[],
  options: { readonly numPartitions?: number; readonly alsoDelete?: readonly string[] } = {},
): Promise<KafkaTestClients> => {
  const kafka = testKafka(brokers, clientId);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(
    admin,
    topics,
    options.numPartitions !== undefined ? { numPartitions: options.numPartitions } : {},
  );
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  return {
    kafka,
    admin,
    producer,
    close: async () => {
      await producer.disconnect();
      await admin.deleteTopics({ topics: [...topics, ...(options.alsoDelete ?? [])] }).catch(() => undefined);
      await admin.disconnect();
    },
  };
};
