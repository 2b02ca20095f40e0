import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { eventually } from './eventually';

/** Every row of every table in a schema, as text: what a "no personal data left" test searches. */
export const dumpSchema = async (pool: Pool, schema: string): Promise<string> => {
  const tables = await pool.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`,
    [schema],
  );
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await pool.query<{ row: string }>(
      `select t::text as row from "${schema}"."${table_name}" t`,
    );
    parts.push(`${table_name}: ${rows.rows.map((r) => r.row).join('\n')}`);
  }
  return parts.join('\n');
};

/**
 * Every message of a topic from the beginning, as `<key> <value>` text, once at least `atLeast`
 * arrived (a fresh consumer group, so nothing else's offsets move).
 */
export const readTopic = async (
  brokers: readonly string[],
  topic: string,
  atLeast: number,
): Promise<string[]> => {
  const kafka = new Kafka({
    clientId: `reader-${randomUUID()}`,
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const values: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        values.push(`${message.key?.toString('utf8') ?? ''} ${message.value?.toString('utf8') ?? ''}`);
      },
    });
    await eventually(
      async () => (values.length >= atLeast ? true : undefined),
      `${atLeast} messages on ${topic}`,
    );
  } finally {
    await consumer.disconnect();
  }
  return values;
};
