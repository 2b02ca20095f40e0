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
  /** How long new topics may take to get partition leaders (default 30 s). */
  readonly leaderTimeoutMs?: number;
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
    waitForLeaders: false,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: options.numPartitions ?? 6,
      replicationFactor: options.replicationFactor ?? 1,
    })),
  });
  await waitForLeaders(admin, missing, options.leaderTimeoutMs ?? 30_000);
  return missing;
};

const isRetriable = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { retriable?: unknown }).retriable === true;

const pauseFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it returns a value, again after errors the broker marks retriable (a new
 * partition still getting its leader), until `timeoutMs` has passed.
 */
const retryRetriable = async <T>(
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch (error) {
      if (!isRetriable(error) || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms`);
    await pauseFor(pause);
  }
};

/**
 * Waits until every partition of the new topics has a leader and no error. kafkajs' own
 * `waitForLeaders` retries only "leader not available" and gives up on "unknown topic or
 * partition", which a busy KRaft broker answers for a moment after creating a topic (seen failing a
 * CI-like run under load).
 */
const waitForLeaders = (admin: Admin, topics: readonly string[], timeoutMs: number): Promise<true> =>
  retryRetriable(
    async () => {
      const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
      const ready = (name: string): boolean => {
        const partitions = found.find((t) => t.name === name)?.partitions ?? [];
        return partitions.length > 0 && partitions.every((p) => p.leader >= 0 && p.partitionErrorCode === 0);
      };
      return topics.every(ready) ? true : undefined;
    },
    timeoutMs,
    `leaders of ${topics.join(', ')}`,
  );

/**
 * Sum of the partitions' high watermarks: the records ever written to a topic that is never
 * compacted. Used to prove what a relay published (tests, benchmarks).
 */
export const topicMessageCount = async (kafka: Kafka, topic: string): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await retryRetriable(() => admin.fetchTopicOffsets(topic), 15_000, `offsets of ${topic}`);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
};
