import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
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
const SHANGHAI_OFFSET_MINUTES = 480;

/** A day `days` after today in Asia/Shanghai (the services' business calendar), as YYYY-MM-DD. */
const shanghaiDayIn = (days: number): string =>
  new Date(Date.now() + SHANGHAI_OFFSET_MINUTES * 60_000 + days * 86_400_000).toISOString().slice(0, 10);

type Reply = { readonly status: number; readonly body: Record<string, unknown> };

/**
 * End to end over real infrastructure, each service in its own process started from its main.ts:
 * a referred customer registered in the customers process is invited, checked in and sells at a
 * joint event in the invitations process; the customers process learns it only through Kafka and
 * credits the referrer 100 points for the attendance and 100 per full 1,000 yuan of the sale, and
 * records the referee's services (which restart its lapse clock) — each exactly once.
 *
 * Check-in is only allowed on the event day, and an event is only scheduled for a later day; the
 * invitations process uses the system clock (no clock can be injected into main.ts). The test
 * therefore moves the invitations business calendar one day ahead the way production would change
 * any rule: the gm adopts a new version of `invitations.joint-events` whose utcOffsetMinutes is a day
 * later. Instants stay real; only "which local day is today" moves.
 */
describe('invitations → Kafka → customers referral points and service record (e2e, separate processes)', () => {
  const suffix = uniqueSuffix();
  const topics = {
    CUSTOMERS_TOPIC: `crm.customers.events.v1.e2e${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.e2e${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.e2e${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.e2e${suffix}`,
  };
  const customersSchema = `cust_e2e_${suffix}`;
  const invitationsSchema = `inv_e2e_${suffix}`;
  // Consumer groups the two processes join (named after their schemas by each service).
  const groups = [
    `${customersSchema}.inbound-facts`,
    customerDirectoryConsumerName({ SCHEMA: invitationsSchema }),
    `${invitationsSchema}.credit-blocks`,
  ];
  let brokers: string[];
  let pool: Pool | undefined;
  let customers: ServiceProcess | undefined;
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

  /** The customers process's own record of one stream's events of a type, in order. */
  const recorded = async (customerId: string, type: string): Promise<Record<string, unknown>[]> => {
    const rows = await pool!.query<{ data: Record<string, unknown> }>(
      `select data from "${customersSchema}".events where stream_id like '%' || $1 and type = $2 order by position`,
      [customerId, type],
    );
    return rows.rows.map((r) => r.data);
  };

  beforeAll(async () => {
    [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    // Topics exist before either process starts, so producers and consumers never race to create them.
    const admin = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({
      topics: Object.values(topics).map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
    await admin.disconnect();

    const claims = {
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
      gm: { sub: 'gm-1', roles: ['gm'] },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, JWT_SECRET);

    const common = {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...topics,
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
    await pool?.end();
    await dropTestSchemas([
      customersSchema,
      `${customersSchema}_read`,
      invitationsSchema,
      `${invitationsSchema}_read`,
    ]);
    if (brokers)
      await deleteTestKafkaResources(
        { topics: [...Object.values(topics), ...groups.map(dlqTopicFor)], groups },
        brokers,
      );
  });

  it("the referee's attendance and sale earn the referrer 100 + 200 points and reset the referee's lapse clock, once each", async () => {
    const register = (body: object) =>
      expectStatus('register', call(customers, 'POST', '/customers', 'staff1', body), 201, customers);
    const referrer = (await register({ name: '推荐人', mobile: '13700008881', source: 'walk_in' }))[
      'customerId'
    ] as string;
    const referee = (
      await register({ name: '被推荐人', mobile: '13700008882', source: 'referral', referredBy: referrer })
    )['customerId'] as string;

    const eventDay = shanghaiDayIn(1);
    const jointEventId = (
      await expectStatus(
        'schedule',
        call(invitations, 'POST', '/joint-events', 'coordinator', {
          date: eventDay,
          slot: 'evening',
          venue: 'Hall E2E',
          businessUnits: ['bu-1', 'bu-2'],
          coordinatorId: 'co-1',
        }),
        201,
        invitations,
      )
    )['jointEventId'] as string;
    const atEvent = (path: string, body: object = {}) =>
      call(invitations, 'POST', `/joint-events/${jointEventId}/customers/${referee}${path}`, 'staff1', body);

    // The referee reaches the invitations process through the customers topic; until then it is unknown.
    const confirmed = await eventually(async () => {
      const res = await call(invitations, 'POST', `/joint-events/${jointEventId}/invitations`, 'staff1', {
        customerId: referee,
      });
      return res.status === 422 && res.body['code'] === 'invitation.customer_unknown' ? undefined : res;
    }, `referee ${referee} known to the invitations process`);
    expect(confirmed.status).toBe(201);

    // Today is not the event day: check-in is refused until the business calendar says it is.
    const early = await atEvent('/attendance');
    expect(early.body).toMatchObject({ code: 'invitation.not_event_day' });
    await expectStatus(
      'adopt a calendar one day ahead',
      call(invitations, 'POST', '/policies/invitations.joint-events/versions', 'gm', {
        version: 'v2',
        effectiveFrom: new Date().toISOString(),
        params: {
          utcOffsetMinutes: SHANGHAI_OFFSET_MINUTES + 24 * 60,
          filingWindowDays: 7,
          dailyCutoff: '18:00',
          eventDayCutoff: { afternoon: '10:00', evening: '16:00' },
          lateListFineFen: 1_000,
          quarrelFineFen: 10_000,
          listsReleaseAt: '08:30',
        },
        reason: 'e2e: move the business calendar to the event day',
      }),
      201,
      invitations,
    );

    await expectStatus('check in', atEvent('/attendance'), 201, invitations);
    const sale = await expectStatus(
      'sale',
      atEvent('/sales', { saleId: `sale-${suffix}`, amountFen: 250_000 }),
      201,
      invitations,
    );
    const soldAt = (sale['events'] as { data: { soldAt: string } }[])[0]?.data.soldAt;
    // Repeats at the invitations API record nothing new (same check-in, same sale id).
    expect(
      (await expectStatus('check in again', atEvent('/attendance'), 201, invitations))['events'],
    ).toEqual([]);
    expect(
      (
        await expectStatus(
          'same sale again',
          atEvent('/sales', { saleId: `sale-${suffix}`, amountFen: 250_000 }),
          201,
          invitations,
        )
      )['events'],
    ).toEqual([]);

    // 2,500 yuan = two full 1,000s → 200 points; attendance 100.
    const ledger = await eventually(async () => {
      const res = await call(customers, 'GET', `/customers/${referrer}/points`, 'staff1');
      return res.status === 200 && res.body['balance'] === 300 ? res.body : undefined;
    }, `referrer ${referrer} credited for attendance and sale`);
    expect(ledger).toMatchObject({
      balance: 300,
      entries: [
        { entry: 'attendance', points: 100, refereeId: referee, reference: jointEventId, balance: 100 },
        { entry: 'purchase', points: 200, amountFen: 250_000, balance: 300 },
      ],
    });
    expect(ledger['entries']).toHaveLength(2);

    const awards = await recorded(referrer, 'ReferralPointsAwarded');
    expect(awards.map((a) => [a['cause'], a['points']])).toEqual([
      ['attendance', 100],
      ['purchase', 200],
    ]);
    const served = await eventually(async () => {
      const s = await recorded(referee, 'CustomerServiceRecorded');
      return s.some((e) => e['kind'] === 'sale') ? s : undefined;
    }, `referee ${referee} service record`);
    expect(served.map((e) => e['kind'])).toEqual(['invitation_confirmed', 'attendance', 'sale']);

    // The lapse clock restarted at the latest service: one pending timer, due from the sale.
    const timers = await pool!.query<{ id: string; status: string }>(
      `select id, status from "${customersSchema}".timers where id like $1 and status = 'scheduled'`,
      [`customer-lapse:${referee}:%`],
    );
    expect(timers.rows).toEqual([{ id: `customer-lapse:${referee}:${soldAt}`, status: 'scheduled' }]);
  });
});
