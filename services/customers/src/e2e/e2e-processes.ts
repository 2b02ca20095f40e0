import { Kafka, logLevel } from 'kafkajs';
import { mintToken, type TokenClaims } from '@crm/nest';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  eventually,
  requireKafka,
  requirePostgres,
  startServiceProcess,
  testDatabaseUrl,
  uniqueSuffix,
  type ServiceProcess,
} from '@crm/testing';

const E2E_JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

export type Reply = { readonly status: number; readonly body: Record<string, unknown> };
type E2eService = 'customers' | 'complaints' | 'invitations';

/** A day `days` after today in Asia/Shanghai (the services' business calendar), as YYYY-MM-DD. */
export const shanghaiDayIn = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The consumer groups a service process joins; each service names them after its schema (the
 * names are repeated here because a service never imports another service's code).
 */
const groupsOf = (service: E2eService, schema: string): string[] =>
  service === 'customers'
    ? [`${schema}.inbound-facts`]
    : service === 'invitations'
      ? [customerDirectoryConsumerName({ SCHEMA: schema }), `${schema}.credit-blocks`]
      : [customerDirectoryConsumerName({ SCHEMA: schema })];

/**
 * What the customers e2e files share: test-unique topics (all four services' topics, so no process
 * reads or writes a shared one) and schemas, service processes started from their own main.ts,
 * bearer tokens per named person, JSON calls, and cleanup.
 */
export const e2eEnvironment = async (claims: Readonly<Record<string, TokenClaims>>) => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const topics = {
    CUSTOMERS_TOPIC: `crm.customers.events.v1.e2e${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.e2e${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.e2e${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.e2e${suffix}`,
  };
  const schema = (service: E2eService) => `${service}_e2e_${suffix}`;
  // Topics exist before any process starts, so producers and consumers never race to create them.
  const admin = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await ensureTopics(admin, Object.values(topics), { numPartitions: 1 });
  await admin.disconnect();

  const tokens: Record<string, string> = {};
  for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, E2E_JWT_SECRET);
  const started: E2eService[] = [];
  const processes: ServiceProcess[] = [];

  const call = async (
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
  };

  return {
    suffix,
    schema,
    /** Starts one service from its main.ts with its own schema and this file's topics. */
    start: async (service: E2eService): Promise<ServiceProcess> => {
      started.push(service);
      const process = await startServiceProcess(service, {
        NODE_ENV: 'test',
        DATABASE_URL: testDatabaseUrl(),
        KAFKA_BROKERS: brokers.join(','),
        JWT_SECRET: E2E_JWT_SECRET,
        LOG_LEVEL: 'warn',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        ...topics,
        SCHEMA: schema(service),
        ...(service === 'customers' ? { PII_HMAC_SECRET: `e2e-hmac-${suffix}-0123456789abcdefghij` } : {}),
      });
      processes.push(process);
      return process;
    },
    /** A JSON call as a named person; the reply with its parsed body whatever its status. */
    call,
    /** A JSON call that must answer `status`; otherwise fails with the body and the process's log tail. */
    expectStatus: async (
      what: string,
      service: ServiceProcess | undefined,
      status: number,
      ...request: [method: 'GET' | 'POST', path: string, who: string, body?: object]
    ): Promise<Record<string, unknown>> => {
      const res = await call(service, ...request);
      if (res.status !== status)
        throw new Error(
          `${what}: ${res.status} ${JSON.stringify(res.body)}\n${service?.output().slice(-2000) ?? ''}`,
        );
      return res.body;
    },
    /** Stops the processes (after which nothing writes any more), then drops what they made. */
    close: async (): Promise<void> => {
      await Promise.all(processes.map((p) => p.stop()));
      await dropTestSchemas(started.flatMap((s) => [schema(s), `${schema(s)}_read`]));
      const groups = started.flatMap((s) => groupsOf(s, schema(s)));
      await deleteTestKafkaResources(
        { topics: [...Object.values(topics), ...groups.map(dlqTopicFor)], groups },
        brokers,
      );
    },
  };
};

export type E2eEnvironment = Awaited<ReturnType<typeof e2eEnvironment>>;

/** A joint event of bu-1 and bu-2 `days` ahead, inside the 7-day filing window whatever today is. */
export const scheduleJointEvent = async (
  e2e: E2eEnvironment,
  invitations: ServiceProcess | undefined,
  days: number,
): Promise<string> => {
  const body = await e2e.expectStatus('schedule', invitations, 201, 'POST', '/joint-events', 'coordinator', {
    date: shanghaiDayIn(days),
    slot: 'evening',
    venue: `Hall E2E ${days}`,
    businessUnits: ['bu-1', 'bu-2'],
    coordinatorId: 'co-1',
  });
  return body['jointEventId'] as string;
};

/** Confirms an invitation of the customer to the joint event as a named person. */
export const confirmInvitation = (
  e2e: E2eEnvironment,
  invitations: ServiceProcess | undefined,
  jointEventId: string,
  customerId: string,
  who: string,
): Promise<Reply> =>
  e2e.call(invitations, 'POST', `/joint-events/${jointEventId}/invitations`, who, { customerId });

/**
 * The customer has just moved from bu-1 to e-201 of bu-2 in the customers process: once the change
 * reaches the invitations process (until then bu-2 is still refused for bu-1), bu-2 confirms at the
 * first event as owner, and bu-1 is refused at the second (INV-14), where nobody holds the customer.
 */
export const expectInvitationsFollowed = async (
  e2e: E2eEnvironment,
  invitations: ServiceProcess | undefined,
  customerId: string,
  first: string,
  second: string,
): Promise<void> => {
  const confirmed = await eventually(async () => {
    const res = await confirmInvitation(e2e, invitations, first, customerId, 'staff2');
    const stale = res.status === 403 && (res.body['details'] as { ownerBu?: string })?.ownerBu === 'bu-1';
    return stale ? undefined : res;
  }, `ownership change of ${customerId} reaching the invitations process`);
  if (confirmed.status !== 201)
    throw new Error(`confirm by the new owner BU: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  expect(confirmed.body['events']).toEqual([
    expect.objectContaining({
      type: 'InvitationConfirmed',
      data: expect.objectContaining({ customerId, bu: 'bu-2', employeeId: 'e-201', access: 'owner' }),
    }),
  ]);
  const refused = await confirmInvitation(e2e, invitations, second, customerId, 'staff1');
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({
    code: 'invitation.customer_not_open',
    rule: 'INV-14',
    details: { ownerBu: 'bu-2' },
  });
};
