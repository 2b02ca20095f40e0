import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { nowMs, sleep } from './stats';

/**
 * Reads the whole topic with a throwaway group and returns the distinct values of one header, so
 * a benchmark can prove every event arrived exactly once (offsets alone would hide duplicates).
 */
export const distinctHeaderValues = async (
  kafka: Kafka,
  topic: string,
  header: string,
  expected: number,
  timeoutMs = 60_000,
): Promise<{ readonly records: number; readonly distinct: Set<string> }> => {
  const consumer = kafka.consumer({ groupId: `bench-verify-${randomUUID()}`, allowAutoTopicCreation: false });
  const distinct = new Set<string>();
  let records = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          records += 1;
          const value = message.headers?.[header];
          distinct.add(Buffer.isBuffer(value) ? value.toString() : String(value));
        }
      },
    });
    const deadline = nowMs() + timeoutMs;
    while (records < expected && nowMs() < deadline) await sleep(100);
    // A little longer, so duplicates beyond the expected count would be seen too.
    await sleep(500);
    return { records, distinct };
  } finally {
    await consumer.disconnect();
  }
};
