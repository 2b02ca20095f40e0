import type { Admin } from 'kafkajs';

export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Next offset the group will read (-1 when it never committed). */
  readonly committed: string;
  readonly high: string;
  readonly lag: number;
}

export interface ConsumerLag {
  readonly total: number;
  readonly partitions: readonly PartitionLag[];
}

/** Group lag = high watermark minus committed offset (or minus the log start when nothing is committed). */
export const consumerLag = async (
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<ConsumerLag> => {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const partitions: PartitionLag[] = [];
  for (const topic of topics) {
    const watermarks = await admin.fetchTopicOffsets(topic);
    const byPartition = new Map(
      (committed.find((c) => c.topic === topic)?.partitions ?? []).map((p) => [p.partition, p.offset]),
    );
    for (const { partition, high, low } of watermarks) {
      const offset = byPartition.get(partition) ?? '-1';
      const from = BigInt(offset) < 0n ? BigInt(low) : BigInt(offset);
      const lag = BigInt(high) - from;
      partitions.push({ topic, partition, committed: offset, high, lag: Number(lag > 0n ? lag : 0n) });
    }
  }
  return { total: partitions.reduce((sum, p) => sum + p.lag, 0), partitions };
};
