import type { Kafka } from 'kafkajs';
import { eventually } from './eventually';

/**
 * Resolves once consumer group `groupId` committed past `sent` on `topic`: everything up to it is
 * handled (the inbox commits the offset after the handler's transaction).
 */
export const consumedPast = async (
  kafka: Kafka,
  groupId: string,
  topic: string,
  sent: { readonly partition: number; readonly offset: string },
): Promise<void> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(async () => {
      const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = offsets?.partitions.find((p) => p.partition === sent.partition)?.offset ?? '-1';
      return BigInt(committed) > BigInt(sent.offset) ? true : undefined;
    }, `${groupId} past ${topic} ${sent.partition}@${sent.offset}`);
  } finally {
    await admin.disconnect();
  }
};
