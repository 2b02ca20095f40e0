import { Kafka, logLevel } from 'kafkajs';
import type { CustomerRegisteredV1 } from '@crm/customers-contracts';
import { mintToken } from '@crm/nest';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  eventually,
  startServiceProcess,
  testDatabaseUrl,
  testKafkaBrokers,
  uniqueSuffix,
  type ServiceProcess,
} from '@crm/testing';
import { customerDirectoryConsumerName } from '../customer-directory.config';
import type { CustomerDirectoryEntry } from '../customer-directory.reader';
import { CUSTOMER_DIRECTORY_PROBE } from '../start-customer-directory-consumer';
import {
  customerEventEnvelope,
  publishCustomerEvent,
  type EnvelopeOptions,
  type Published,
} from './customer-registered.fixture';

export interface ReplicaHostProcess {
  readonly process: ServiceProcess;
  readonly schema: string;
  readonly customersTopic: string;
  /** Publishes on the host's customers topic, as the customers relay would. */
  publish(data: CustomerRegisteredV1, options?: EnvelopeOptions): Promise<Published>;
  /** `GET /customer-directory/:id` on the running host; `undefined` while it answers 404. */
  directoryEntry(customerId: string): Promise<CustomerDirectoryEntry | undefined>;
  /** Stops the host, then drops its schemas and deletes its topics and consumer group. */
  stop(): Promise<void>;
}

const JWT_SECRET = 'replica-host-jwt-secret-0123456789';

/**
 * Runs `services/<service>/src/main.ts` in a child process on its own schema and a private
 * customers topic, and resolves once its /health shows the directory consumer up: proof that the
 * service's own entry point, not a test harness, hosts and starts the replica.
 */
export const startReplicaHostProcess = async (service: string): Promise<ReplicaHostProcess> => {
  const suffix = uniqueSuffix();
  const brokers = testKafkaBrokers();
  const schema = `${service.slice(0, 12).replace(/[^a-z0-9]/g, '_')}_host_${suffix}`;
  const customersTopic = `crm.customers.events.v1.${service}${suffix}`;
  const consumer = customerDirectoryConsumerName({ SCHEMA: schema });
  const kafka = new Kafka({ clientId: `replica-host-${suffix}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  // The customers relay creates this topic in real life; the host must find it there.
  await ensureTopics(admin, [customersTopic]).finally(() => admin.disconnect());
  const producer = kafka.producer();
  await producer.connect();
  const cleanUp = async (): Promise<void> => {
    await producer.disconnect();
    await dropTestSchemas([schema, `${schema}_read`]);
    await deleteTestKafkaResources({ topics: [customersTopic, dlqTopicFor(consumer)], groups: [consumer] });
  };
  let host: ServiceProcess;
  try {
    host = await startServiceProcess(service, {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET,
      SCHEMA: schema,
      CUSTOMERS_TOPIC: customersTopic,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const stop = async (): Promise<void> => {
    await host.stop();
    await cleanUp();
  };
  try {
    await eventually(async () => {
      const res = await fetch(`${host.baseUrl}/health`);
      const body = (await res.json()) as { checks?: Record<string, { status?: string }> };
      return body.checks?.[CUSTOMER_DIRECTORY_PROBE]?.status === 'up' ? true : undefined;
    }, `${service}'s ${CUSTOMER_DIRECTORY_PROBE} probe up`);
  } catch (error) {
    const output = host.output().slice(-4000);
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  const token = await mintToken({ sub: 'replica-host-test', roles: ['auditor'] }, JWT_SECRET, '10m');
  return {
    process: host,
    schema,
    customersTopic,
    publish: (data, options) =>
      publishCustomerEvent(producer, customersTopic, customerEventEnvelope(data, options)),
    directoryEntry: async (customerId) => {
      const res = await fetch(`${host.baseUrl}/customer-directory/${encodeURIComponent(customerId)}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (res.status === 404) return undefined;
      if (res.status !== 200)
        throw new Error(`GET /customer-directory/${customerId}: ${res.status} ${await res.text()}`);
      return (await res.json()) as CustomerDirectoryEntry;
    },
    stop,
  };
};
