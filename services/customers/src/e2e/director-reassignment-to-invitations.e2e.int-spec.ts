import { Kafka, logLevel } from 'kafkajs';
import { mintToken } from '@crm/nest';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { dlqTopicFor } from '@crm/messaging';
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

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(180_000);

const JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

/** A day `days` after today in Asia/Shanghai (the services' business calendar), as YYYY-MM-DD. */
const shanghaiDayIn = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

type Reply = { readonly status: number; readonly body: Record<string, unknown> };

/**
 * End to end over real infrastructure, each service in its own process started from its main.ts:
 * the resource_director moves a customer to another BU in the customers process, and the
 * invitations process follows that ownership change only through Kafka (CustomerOwnershipChanged →
 * eligibility read model): the new owner's BU may invite, the old one is refused (INV-14).
 *
 * This stands in for "an overdue complaint moves the customer": neither the complaints nor the
 * invitations process lets a test move its clock (the clock is an in-process module option, main.ts
 * always uses the system clock), so the overdue deadline cannot be reached across processes.
 */
describe('customers director reassignment → Kafka → invitations eligibility (e2e, separate processes)', () => {
  const suffix = uniqueSuffix();
  const customersTopic = `crm.customers.events.v1.e2e${suffix}`;
  const invitationsTopic = `crm.invitations.events.v1.e2e${suffix}`;
  const customersSchema = `cust_e2e_${suffix}`;
  const invitationsSchema = `inv_e2e_${suffix}`;
  let brokers: string[];
  let customers: ServiceProcess | undefined;
  let invitations: ServiceProcess | undefined;
  const tokens: Record<string, string> = {};

  const call = async (service: ServiceProcess | undefined, path: string, who: string, body: object) => {
    if (service === undefined) throw new Error('service not started');
    const res = await fetch(`${service.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tokens[who] ?? ''}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> } as Reply;
  };

  const failure = (what: string, res: Reply, service?: ServiceProcess) =>
    new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}\n${service?.output().slice(-2000) ?? ''}`);

  beforeAll(async () => {
    [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    // Topics exist before either process starts, so producer and consumer never race to create them.
    const admin = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [customersTopic, invitationsTopic].map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
    await admin.disconnect();

    const claims = {
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      staff2: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
      director: { sub: 'd-1', roles: ['resource_director'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, JWT_SECRET);

    const common = {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      CUSTOMERS_TOPIC: customersTopic,
      INVITATIONS_TOPIC: invitationsTopic,
    };
    // Sequential: two cold starts at once on a loaded 2-core machine only slow both down.
    customers = await startServiceProcess('customers', {
      ...common,
      SCHEMA: customersSchema,
      PII_HMAC_SECRET: `e2e-hmac-${suffix}-0123456789abcdefghij`,
    });
    invitations = await startServiceProcess('invitations', { ...common, SCHEMA: invitationsSchema });
  });

  afterAll(async () => {
    await Promise.all([customers?.stop(), invitations?.stop()]);
    await dropTestSchemas([
      customersSchema,
      `${customersSchema}_read`,
      invitationsSchema,
      `${invitationsSchema}_read`,
    ]);
    const group = customerDirectoryConsumerName({ SCHEMA: invitationsSchema });
    if (brokers)
      await deleteTestKafkaResources(
        { topics: [customersTopic, invitationsTopic, dlqTopicFor(group)], groups: [group] },
        brokers,
      );
  });

  it("after the director's reassignment the new owner's BU may invite and the old BU is refused", async () => {
    // Two events inside the filing window (it opens 7 days before), whatever today is: the new
    // owner confirms at the first, the old owner tries the second (nobody holds the customer there).
    const schedule = async (days: number): Promise<string> => {
      const scheduled = await call(invitations, '/joint-events', 'coordinator', {
        date: shanghaiDayIn(days),
        slot: 'evening',
        venue: `Hall E2E ${days}`,
        businessUnits: ['bu-1', 'bu-2'],
        coordinatorId: 'co-1',
      });
      if (scheduled.status !== 201) throw failure('schedule', scheduled, invitations);
      return scheduled.body['jointEventId'] as string;
    };
    const first = await schedule(3);
    const second = await schedule(4);

    const registered = await call(customers, '/customers', 'staff1', {
      name: '端到端改派',
      mobile: '13700007777',
      source: 'walk_in',
    });
    if (registered.status !== 201) throw failure('register', registered, customers);
    const customerId = registered.body['customerId'] as string;
    const confirm = (jointEventId: string, who: string) =>
      call(invitations, `/joint-events/${jointEventId}/invitations`, who, { customerId });

    // The registration has reached invitations once bu-2 is refused because bu-1 owns the customer.
    const before = await eventually(async () => {
      const res = await confirm(first, 'staff2');
      if (res.status === 422 && res.body['code'] === 'invitation.customer_unknown') return undefined;
      return res;
    }, `customer ${customerId} known to the invitations process`);
    expect(before.status).toBe(403);
    expect(before.body).toMatchObject({ code: 'invitation.customer_not_open', details: { ownerBu: 'bu-1' } });

    const moved = await call(customers, `/customers/${customerId}/reassignments`, 'director', {
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'director_decision',
      note: 'customer asked for a closer branch',
    });
    if (moved.status !== 200) throw failure('reassign', moved, customers);
    expect(moved.body['recorded']).toEqual(['CustomerOwnershipChanged']);

    // Until CustomerOwnershipChanged arrives bu-2 is still refused for bu-1; then it confirms as owner.
    const confirmed = await eventually(async () => {
      const res = await confirm(first, 'staff2');
      if (res.status === 403 && (res.body['details'] as { ownerBu?: string })?.ownerBu === 'bu-1')
        return undefined;
      return res;
    }, `ownership change of ${customerId} reaching the invitations process`);
    if (confirmed.status !== 201) throw failure('confirm by the new owner BU', confirmed, invitations);
    expect(confirmed.body['events']).toEqual([
      expect.objectContaining({
        type: 'InvitationConfirmed',
        data: expect.objectContaining({ customerId, bu: 'bu-2', employeeId: 'e-201', access: 'owner' }),
      }),
    ]);

    const refused = await confirm(second, 'staff1');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'invitation.customer_not_open',
      rule: 'INV-14',
      details: { ownerBu: 'bu-2' },
    });
  });
});
