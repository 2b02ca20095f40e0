import { mintToken } from '@crm/nest';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { startServiceProcess as startService, type ServiceProcess as RunningService } from '@crm/testing';

const JWT_SECRET = 'bench-only-jwt-secret-0123456789abcdef';

export interface E2eSystem {
  readonly customers: RunningService;
  readonly complaints: RunningService;
  readonly staffToken: string;
  readonly pool: Pool;
  /** `<complaints schema>_read.customer_directory`, read directly for commit times. */
  readonly directoryTable: string;
  readonly topic: string;
  readonly customersSchema: string;
  readonly complaintsSchema: string;
  readonly kafka: Kafka;
  close(): Promise<void>;
}

/**
 * Both services in their own processes, each on its own schemas, the customers topic under a
 * unique name: nothing is shared with a running system or another benchmark, and all of it is
 * removed afterwards.
 */
export const startE2eSystem = async (options: {
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly suffix: string;
  readonly logLevel: string;
}): Promise<E2eSystem> => {
  const { databaseUrl, brokers, suffix } = options;
  const customersSchema = `bench_cust_${suffix}`;
  const complaintsSchema = `bench_cmpl_${suffix}`;
  const topic = `crm.customers.events.v1.bench${suffix}`;
  const common = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    JWT_SECRET,
    CUSTOMERS_TOPIC: topic,
    LOG_LEVEL: options.logLevel,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
  };
  const pool = new Pool({ connectionString: databaseUrl, max: 3 });
  const kafka = new Kafka({
    clientId: `bench-e2e-${suffix}`,
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
  });
  const started: RunningService[] = [];
  const close = async (): Promise<void> => {
    for (const service of started.reverse()) await service.stop();
    for (const schema of [customersSchema, complaintsSchema])
      for (const s of [schema, `${schema}_read`])
        await pool.query(`drop schema if exists "${s}" cascade`).catch((e: unknown) => console.error(e));
    await pool.end();
    const admin = kafka.admin();
    try {
      await admin.connect();
      const group = `${complaintsSchema}.customer-directory`;
      await admin.deleteGroups([group]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic, `crm.${group}.dlq`] }).catch(() => undefined);
    } finally {
      await admin.disconnect();
    }
  };
  try {
    // Customers first: its relay creates the topic the complaints consumer subscribes to.
    started.push(
      await startService(
        'customers',
        {
          ...common,
          SCHEMA: customersSchema,
          PII_HMAC_SECRET: `bench-hmac-${suffix}-0123456789abcdefghij`,
        },
        { timeoutMs: 90_000 },
      ),
    );
    started.push(
      await startService('complaints', { ...common, SCHEMA: complaintsSchema }, { timeoutMs: 90_000 }),
    );
  } catch (error) {
    await close();
    throw error;
  }
  const [customers, complaints] = started as [RunningService, RunningService];
  return {
    customers,
    complaints,
    staffToken: await mintToken({ sub: 'emp-bench', bu: 'bu-bench', roles: ['staff'] }, JWT_SECRET, '2h'),
    pool,
    directoryTable: `"${complaintsSchema}_read".customer_directory`,
    topic,
    customersSchema,
    complaintsSchema,
    kafka,
    close,
  };
};
