import type { Admin, Kafka } from 'kafkajs';

const NAME = /^[a-z0-9][a-z0-9._-]*$/;

const checkedName = (kind: string, name: string): string => {
  if (!NAME.test(name)) throw new Error(`invalid ${kind} name '${name}' (lowercase letters, digits, . _ -)`);
  return name;
};

/** Architecture §5: one topic per service, versioned so a breaking contract change gets a new topic. */
export const topicForService = (service: string): string =>
  `crm.${checkedName('service', service)}.events.v1`;

export const dlqTopicFor = (consumerName: string): string =>
  `crm.${checkedName('consumer', consumerName)}.dlq`;

export interface EnsureTopicsOptions {
  /** Architecture §5 default: 6 partitions. */
  readonly numPartitions?: number;
  readonly replicationFactor?: number;
}

/**
 * Creates whichever topics are missing (broker auto-creation is off). Safe to call from every
 * instance at every start: existing topics are left as they are, a concurrent creator is tolerated.
 */
export const ensureTopics = async (
  admin: Admin,
  topics: readonly string[],
  options: EnsureTopicsOptions = {},
): Promise<string[]> => {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: options.numPartitions ?? 6,
      replicationFactor: options.replicationFactor ?? 1,
    })),
  });
  return missing;
};

/**
 * Sum of the partitions' high watermarks: the records ever written to a topic that is never
 * compacted. Used to prove what a relay published (tests, benchmarks).
 */
export const topicMessageCount = async (kafka: Kafka, topic: string): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
};
