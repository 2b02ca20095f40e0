import { Kafka, logLevel } from 'kafkajs';
import { mintToken, type TokenClaims } from '@crm/nest';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
  type ServiceProcess,
} from '@crm/testing';

export const E2E_JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

export type Reply = { readonly status: number; readonly body: Record<string, unknown> };

/**
 * What the credit e2e files share: test-unique topics and schemas, the environment every service
 * process gets, bearer tokens per named person, and cleanup. The services themselves are started
 * by each file with `startServiceProcess` (their own main.ts), never imported.
 */
export const e2eEnvironment = async (claims: Readonly<Record<string, TokenClaims>>) => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const topics = {
    CUSTOMERS_TOPIC: `crm.customers.events.v1.e2e${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.e2e${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.e2e${suffix}`,
  };
  const schema = (service: string) => `${service}_e2e_${suffix}`;
  const kafka = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING });
  // Topics exist before any process starts, so producers and consumers never race to create them.
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(topics), { numPartitions: 1 });
  await admin.disconnect();

  const tokens: Record<string, string> = {};
  for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, E2E_JWT_SECRET);
  const services: string[] = [];

  return {
    kafka,
    topics,
    /** The PostgreSQL schema of a service process of this file. */
    schema,
    /** The environment of one service process: its own schema, the shared test topics. */
    env: (service: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> => {
      services.push(service);
      return {
        NODE_ENV: 'test',
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: brokers.join(','),
        JWT_SECRET: E2E_JWT_SECRET,
        LOG_LEVEL: 'warn',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        ...topics,
        SCHEMA: schema(service),
        ...extra,
      };
    },
    /** A JSON call as a named person; the reply with its parsed body whatever its status. */
    call: async (
      service: ServiceProcess | undefined,
      method: 'GET' | 'POST',
      path: string,
      who: string,
      body?: object,
    ): Promise<Reply> => {
      if (service === undefined) throw new Error('service not started');
      const res = await fetch(`${service.baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${tokens[who] ?? ''}`, 'Content-Type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    /** Stops the processes (after which nothing writes any more), then drops what they made. */
    close: async (processes: readonly (ServiceProcess | undefined)[]): Promise<void> => {
      await Promise.all(processes.map((p) => p?.stop()));
      await dropTestSchemas(services.flatMap((s) => [schema(s), `${schema(s)}_read`]));
      // Every service here runs one inbox consumer, named after the directory replica's.
      const groups = services.map((s) => customerDirectoryConsumerName({ SCHEMA: schema(s) }));
      await deleteTestKafkaResources(
        { topics: [...Object.values(topics), ...groups.map(dlqTopicFor)], groups },
        brokers,
      );
    },
  };
};

export type E2eEnvironment = Awaited<ReturnType<typeof e2eEnvironment>>;

/**
 * A complaint worked over the complaints API up to the customer's acceptance of an approved
 * allowance or return: register → classify → assign → investigate → propose → approve → reply →
 * accept. Without `concerned`, the complaints service takes the customer's owner from its
 * customers directory. Needs the people `agent` (cs_agent), `csm` (cs_manager), `handler-1`
 * (staff). Returns the case id.
 */
export const settleComplaint = async (
  e2e: E2eEnvironment,
  complaints: ServiceProcess | undefined,
  customerId: string,
  item: { readonly kind: 'allowance' | 'return'; readonly amountFen: number; readonly bu: string },
  concerned?: { readonly concernedEmployeeId: string; readonly concernedBu: string },
): Promise<string> => {
  const work = async (path: string, who: string, expected: number, body: object = {}): Promise<Reply> => {
    const res = await e2e.call(complaints, 'POST', path, who, body);
    if (res.status !== expected)
      throw new Error(
        `${path}: ${res.status} ${JSON.stringify(res.body)}\n${complaints?.output().slice(-2000) ?? ''}`,
      );
    return res;
  };
  const registered = await work('/cases', 'agent', 201, {
    kind: 'complaint',
    channel: 'hotline',
    customerId,
    subject: 'scratched table',
    description: 'delivered with a deep scratch',
    ...concerned,
  });
  const id = registered.body['caseId'] as string;
  await work(`/cases/${id}/classify`, 'agent', 200, { cause: 'product_quality' });
  await work(`/cases/${id}/assign`, 'csm', 200, { handlerId: 'handler-1', responsibleBu: item.bu });
  await work(`/cases/${id}/investigation`, 'handler-1', 200, { findings: 'courier damage' });
  await work(`/cases/${id}/resolution`, 'handler-1', 200, {
    items: [
      { itemId: 'apology', kind: 'apology', description: 'letter', amountFen: 0 },
      { itemId: 'settle', kind: item.kind, description: `price ${item.kind}`, amountFen: item.amountFen },
    ],
  });
  await work(`/cases/${id}/resolution/approval`, 'csm', 200);
  await work(`/cases/${id}/reply`, 'handler-1', 200, { itemIds: ['apology', 'settle'], message: 'sorry' });
  const accepted = await work(`/cases/${id}/acceptance`, 'agent', 200);
  if (JSON.stringify(accepted.body['events']) !== JSON.stringify(['CustomerAccepted', 'SettlementApproved']))
    throw new Error(`acceptance of ${id} did not approve the settlement: ${JSON.stringify(accepted.body)}`);
  return id;
};

/** The credit account as the credit API shows it to an auditor; undefined while it does not exist. */
export const creditAccount = async (
  e2e: E2eEnvironment,
  credit: ServiceProcess | undefined,
  accountId: string,
): Promise<Record<string, unknown> | undefined> => {
  const res = await e2e.call(credit, 'GET', `/credit-accounts/${accountId}`, 'auditor');
  if (res.status === 404) return undefined;
  if (res.status !== 200)
    throw new Error(`credit account ${accountId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
