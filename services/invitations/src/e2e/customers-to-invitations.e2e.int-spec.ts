import { Kafka, logLevel } from 'kafkajs';
import { mintToken } from '@crm/nest';
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

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(180_000);

const JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

/** A day `days` after today in Asia/Shanghai (the services' business calendar), as YYYY-MM-DD. */
const shanghaiDayIn = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * End to end over real infrastructure, both services in their own processes started like
 * production (main.ts): a customer registered through the customers API reaches the invitations
 * service only through Kafka (customers topic → eligibility read model), and decides which BU may
 * confirm an invitation (domain §6, INV-14).
 */
describe('customers → Kafka → invitations eligibility (e2e, separate processes)', () => {
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
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  const failure = (what: string, res: { status: number; body: unknown }, service?: ServiceProcess) =>
    new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}\n${service?.output().slice(-2000) ?? ''}`);

  beforeAll(async () => {
    [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    // Topics exist before either process starts, so producer and consumer never race to create them.
    const admin = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await ensureTopics(admin, [customersTopic, invitationsTopic], { numPartitions: 1 });
    await admin.disconnect();

    const claims = {
      registrar1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      staff1: { sub: 'e-102', bu: 'bu-1', roles: ['staff'] },
      staff2: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
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
    };
    // Sequential: two cold starts at once on a loaded 2-core machine only slow both down.
    customers = await startServiceProcess('customers', {
      ...common,
      SCHEMA: customersSchema,
      PII_HMAC_SECRET: `e2e-hmac-${suffix}-0123456789abcdefghij`,
    });
    invitations = await startServiceProcess('invitations', {
      ...common,
      SCHEMA: invitationsSchema,
      INVITATIONS_TOPIC: invitationsTopic,
    });
  });

  afterAll(async () => {
    await Promise.all([customers?.stop(), invitations?.stop()]);
    await dropTestSchemas([
      customersSchema,
      `${customersSchema}_read`,
      invitationsSchema,
      `${invitationsSchema}_read`,
    ]);
    // Every consumer the two processes ran (named as their main.ts names them), with its DLQ topic.
    const groups = [
      customerDirectoryConsumerName({ SCHEMA: invitationsSchema }),
      `${invitationsSchema}.credit-blocks`,
      `${customersSchema}.inbound-facts`,
    ];
    if (brokers)
      await deleteTestKafkaResources(
        { topics: [customersTopic, invitationsTopic, ...groups.map(dlqTopicFor)], groups },
        brokers,
      );
  });

  it("a customer registered in the customers process is invitable by its owner's BU only", async () => {
    // Inside the filing window (it opens 7 days before the event), whatever today is.
    const scheduled = await call(invitations, '/joint-events', 'coordinator', {
      date: shanghaiDayIn(3),
      slot: 'evening',
      venue: 'Hall E2E',
      businessUnits: ['bu-1', 'bu-2'],
      coordinatorId: 'co-1',
    });
    if (scheduled.status !== 201) throw failure('schedule', scheduled, invitations);
    const jointEventId = scheduled.body['jointEventId'] as string;

    const registered = await call(customers, '/customers', 'registrar1', {
      name: '端到端邀约',
      mobile: '13700006666',
      source: 'walk_in',
    });
    if (registered.status !== 201) throw failure('register', registered, customers);
    const customerId = registered.body['customerId'] as string;

    const confirm = (who: string) =>
      call(invitations, `/joint-events/${jointEventId}/invitations`, who, { customerId });

    // Until the CustomerRegistered event arrives the customer is unknown (422); once it has, the
    // other BU is refused because the customer belongs to bu-1 and is not open (403 INV-14).
    const refused = await eventually(async () => {
      const res = await confirm('staff2');
      if (res.status === 422 && res.body['code'] === 'invitation.customer_unknown') return undefined;
      return res;
    }, `customer ${customerId} known to the invitations process`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'invitation.customer_not_open',
      rule: 'INV-14',
      details: { ownerBu: 'bu-1' },
    });

    const confirmed = await confirm('staff1');
    if (confirmed.status !== 201) throw failure('confirm by the owner BU', confirmed, invitations);
    expect(confirmed.body['events']).toEqual([
      expect.objectContaining({
        type: 'InvitationConfirmed',
        data: expect.objectContaining({ customerId, bu: 'bu-1', employeeId: 'e-102', access: 'owner' }),
      }),
    ]);

    // The refusal stands after the owner's confirmation too (not a timing accident of the replica).
    const stillRefused = await confirm('staff2');
    expect(stillRefused.status).toBe(403);
    expect(stillRefused.body).toMatchObject({ code: 'invitation.customer_not_open' });
  });
});
