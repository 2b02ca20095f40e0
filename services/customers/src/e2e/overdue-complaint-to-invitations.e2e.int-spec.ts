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
 * End to end over real infrastructure, three services each in its own process (main.ts): a
 * complaint left unresolved past its deadline in the complaints process (CMP-32) makes the
 * customers process move the customer to an employee of another BU, and the invitations process
 * then lets the new owner's BU invite and refuses the old one (INV-14) — all only through Kafka.
 *
 * No process lets a test move its clock (main.ts always uses the system clock), so the deadline is
 * reached honestly in real time instead: the gm adopts a `complaints.rules` version whose complaint
 * deadline is 0 working days, so a complaint registered under it is due at once and the complaints
 * process's own timer runner marks it overdue.
 */
describe('overdue complaint → customers reassignment → invitations eligibility (e2e, separate processes)', () => {
  const suffix = uniqueSuffix();
  const topics = {
    CUSTOMERS_TOPIC: `crm.customers.events.v1.e2e${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.e2e${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.e2e${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.e2e${suffix}`,
  };
  const schema = (service: string) => `${service}_e2e_${suffix}`;
  // Consumer groups the processes join (each service names them after its schema).
  const groups = [
    `${schema('customers')}.inbound-facts`,
    customerDirectoryConsumerName({ SCHEMA: schema('invitations') }),
    `${schema('invitations')}.credit-blocks`,
    customerDirectoryConsumerName({ SCHEMA: schema('complaints') }),
  ];
  let brokers: string[];
  let customers: ServiceProcess | undefined;
  let complaints: ServiceProcess | undefined;
  let invitations: ServiceProcess | undefined;
  const tokens: Record<string, string> = {};

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

  const expectStatus = async (
    what: string,
    reply: Promise<Reply>,
    status: number,
    service?: ServiceProcess,
  ) => {
    const res = await reply;
    if (res.status !== status)
      throw new Error(
        `${what}: ${res.status} ${JSON.stringify(res.body)}\n${service?.output().slice(-2000) ?? ''}`,
      );
    return res.body;
  };

  beforeAll(async () => {
    [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    // Topics exist before any process starts, so producers and consumers never race to create them.
    const admin = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({
      topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
    await admin.disconnect();

    const claims = {
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      staff2: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
      gm: { sub: 'gm-1', roles: ['gm'] },
      agent: { sub: 'agent-1', roles: ['cs_agent'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, JWT_SECRET);

    const env = (service: string, extra: Record<string, string> = {}) => ({
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...topics,
      SCHEMA: schema(service),
      ...extra,
    });
    // Sequential: cold starts at once on a loaded 2-core machine only slow each other down.
    customers = await startServiceProcess(
      'customers',
      env('customers', { PII_HMAC_SECRET: `e2e-hmac-${suffix}-0123456789abcdefghij` }),
    );
    complaints = await startServiceProcess('complaints', env('complaints'));
    invitations = await startServiceProcess('invitations', env('invitations'));
  });

  afterAll(async () => {
    await Promise.all([customers?.stop(), complaints?.stop(), invitations?.stop()]);
    await dropTestSchemas(
      ['customers', 'complaints', 'invitations'].flatMap((s) => [schema(s), `${schema(s)}_read`]),
    );
    if (brokers)
      await deleteTestKafkaResources(
        { topics: [...Object.values(topics), ...groups.map(dlqTopicFor)], groups },
        brokers,
      );
  });

  it('an overdue complaint moves the customer to another BU, which may then invite while the old BU is refused', async () => {
    // The staff directory of the customers process: the candidates a transfer may choose from.
    for (const [buId, name] of [
      ['bu-1', 'North'],
      ['bu-2', 'South'],
    ])
      await expectStatus(
        'business unit',
        call(customers, 'POST', '/staff/business-units', 'gm', { buId, name }),
        201,
        customers,
      );
    for (const [employeeId, bu] of [
      ['e-101', 'bu-1'],
      ['e-201', 'bu-2'],
    ])
      await expectStatus(
        'staff',
        call(customers, 'POST', '/staff', 'gm', { employeeId, bu, displayName: employeeId }),
        201,
        customers,
      );

    const customerId = (
      await expectStatus(
        'register',
        call(customers, 'POST', '/customers', 'staff1', {
          name: '端到端投诉',
          mobile: '13700009991',
          source: 'walk_in',
        }),
        201,
        customers,
      )
    )['customerId'] as string;

    const schedule = async (days: number): Promise<string> =>
      (
        await expectStatus(
          'schedule',
          call(invitations, 'POST', '/joint-events', 'coordinator', {
            date: shanghaiDayIn(days),
            slot: 'evening',
            venue: `Hall E2E ${days}`,
            businessUnits: ['bu-1', 'bu-2'],
            coordinatorId: 'co-1',
          }),
          201,
          invitations,
        )
      )['jointEventId'] as string;
    const first = await schedule(3);
    const second = await schedule(4);
    const confirm = (jointEventId: string, who: string) =>
      call(invitations, 'POST', `/joint-events/${jointEventId}/invitations`, who, { customerId });

    // Before the complaint: the registration has reached invitations, and bu-2 is refused for bu-1.
    const before = await eventually(async () => {
      const res = await confirm(first, 'staff2');
      return res.status === 422 && res.body['code'] === 'invitation.customer_unknown' ? undefined : res;
    }, `customer ${customerId} known to the invitations process`);
    expect(before.body).toMatchObject({ code: 'invitation.customer_not_open', details: { ownerBu: 'bu-1' } });

    // A complaint deadline of 0 working days: due the moment the complaint is registered.
    const rules = await expectStatus(
      'rules',
      call(complaints, 'GET', '/policies/complaints.rules', 'gm'),
      200,
      complaints,
    );
    const inForce = rules['inForce'] as { params: { deadlines: Record<string, number> } };
    await expectStatus(
      'adopt a 0-day complaint deadline',
      call(complaints, 'POST', '/policies/complaints.rules/versions', 'gm', {
        version: 'v2',
        effectiveFrom: new Date().toISOString(),
        params: { ...inForce.params, deadlines: { ...inForce.params.deadlines, complaintWorkingDays: 0 } },
        reason: 'e2e: a complaint due at once',
      }),
      201,
      complaints,
    );
    const caseId = (
      await expectStatus(
        'complaint',
        call(complaints, 'POST', '/cases', 'agent', {
          kind: 'complaint',
          channel: 'hotline',
          customerId,
          subject: 'installation never happened',
          description: 'waited all day',
          concernedEmployeeId: 'e-101',
          concernedBu: 'bu-1',
        }),
        201,
        complaints,
      )
    )['caseId'] as string;

    // The complaints process's timer marks it overdue; the customers process moves the customer.
    const moved = await eventually(async () => {
      const res = await call(customers, 'GET', `/customers/${customerId}`, 'gm');
      return res.status === 200 && res.body['ownerBu'] !== 'bu-1' ? res.body : undefined;
    }, `customer ${customerId} moved after case ${caseId} went overdue`);
    expect(moved).toMatchObject({ ownerBu: 'bu-2', ownerEmployeeId: 'e-201' });
    const explanation = await expectStatus(
      'explanation',
      call(customers, 'GET', `/customers/${customerId}/ownership/explanation`, 'gm'),
      200,
      customers,
    );
    const changes = (explanation as unknown as { decision: string; reason?: string }[]).filter(
      (d) => d.decision === 'ownership_changed',
    );
    expect(changes).toEqual([expect.objectContaining({ reason: 'unresolved_complaint', ownerBu: 'bu-2' })]);

    // Invitations follows: the new owner's BU confirms once the change arrives …
    const confirmed = await eventually(async () => {
      const res = await confirm(first, 'staff2');
      return res.status === 403 && (res.body['details'] as { ownerBu?: string })?.ownerBu === 'bu-1'
        ? undefined
        : res;
    }, `ownership change of ${customerId} reaching the invitations process`);
    if (confirmed.status !== 201)
      throw new Error(`confirm by bu-2: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    expect(confirmed.body['events']).toEqual([
      expect.objectContaining({
        type: 'InvitationConfirmed',
        data: expect.objectContaining({ customerId, bu: 'bu-2', employeeId: 'e-201', access: 'owner' }),
      }),
    ]);
    // … and the BU complained about is refused.
    const refused = await confirm(second, 'staff1');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'invitation.customer_not_open',
      rule: 'INV-14',
      details: { ownerBu: 'bu-2' },
    });
  });
});
