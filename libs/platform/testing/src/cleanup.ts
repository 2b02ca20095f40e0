import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { testDatabaseUrl, testKafkaBrokers } from './infrastructure';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Drops what a test file created in PostgreSQL; only plain lower-case names are accepted. */
export const dropTestSchemas = async (
  schemas: readonly string[],
  databaseUrl: string = testDatabaseUrl(),
): Promise<void> => {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    for (const schema of schemas) {
      if (!IDENTIFIER.test(schema)) throw new Error(`refusing to drop schema '${schema}'`);
      await pool.query(`drop schema if exists "${schema}" cascade`);
    }
  } finally {
    await pool.end();
  }
};

/**
 * Deletes what a test file created in Kafka. Best effort: a topic or group that is already gone
 * (or a group still shutting down) must not fail the test that made it.
 */
export const deleteTestKafkaResources = async (
  resources: { readonly topics?: readonly string[]; readonly groups?: readonly string[] },
  brokers: readonly string[] = testKafkaBrokers(),
): Promise<void> => {
  const admin = new Kafka({
    clientId: 'test-cleanup',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    if (resources.groups?.length) await admin.deleteGroups([...resources.groups]).catch(() => undefined);
    if (resources.topics?.length)
      await admin.deleteTopics({ topics: [...resources.topics] }).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
};
