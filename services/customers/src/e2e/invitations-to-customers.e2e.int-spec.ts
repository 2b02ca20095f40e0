import { Pool } from 'pg';
import { eventually, testDatabaseUrl, type ServiceProcess } from '@crm/testing';
import { confirmInvitation, e2eEnvironment, scheduleJointEvent, type E2eEnvironment } from './e2e-processes';

jest.setTimeout(180_000);

const SHANGHAI_OFFSET_MINUTES = 480;

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
  let e2e: E2eEnvironment | undefined;
  let pool: Pool | undefined;
  let customers: ServiceProcess | undefined;
  let invitations: ServiceProcess | undefined;

  /** The customers process's own record of one customer's events of a type, in order. */
  const recorded = async (customerId: string, type: string): Promise<Record<string, unknown>[]> => {
    const rows = await pool!.query<{ data: Record<string, unknown> }>(
      `select data from "${e2e!.schema('customers')}".events
        where stream_id like '%' || $1 and type = $2 order by position`,
      [customerId, type],
    );
    return rows.rows.map((r) => r.data);
  };

  beforeAll(async () => {
    e2e = await e2eEnvironment({
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
      gm: { sub: 'gm-1', roles: ['gm'] },
    });
    pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    // Sequential: two cold starts at once on a loaded 2-core machine only slow both down.
    customers = await e2e.start('customers');
    invitations = await e2e.start('invitations');
  });

  afterAll(async () => {
    await pool?.end();
    await e2e?.close();
  });

  it("the referee's attendance and sale earn the referrer 100 + 200 points and reset the referee's lapse clock, once each", async () => {
    const t = e2e!;
    const register = async (body: object) =>
      (await t.expectStatus('register', customers, 201, 'POST', '/customers', 'staff1', body))[
        'customerId'
      ] as string;
    const referrer = await register({ name: '推荐人', mobile: '13700008881', source: 'walk_in' });
    const referee = await register({
      name: '被推荐人',
      mobile: '13700008882',
      source: 'referral',
      referredBy: referrer,
    });
    const jointEventId = await scheduleJointEvent(t, invitations, 1);
    const atEvent = (what: string, path: string, body: object = {}) =>
      t.expectStatus(
        what,
        invitations,
        201,
        'POST',
        `/joint-events/${jointEventId}/customers/${referee}${path}`,
        'staff1',
        body,
      );

    // The referee reaches the invitations process through the customers topic; until then it is unknown.
    const confirmed = await eventually(async () => {
      const res = await confirmInvitation(t, invitations, jointEventId, referee, 'staff1');
      return res.status === 422 && res.body['code'] === 'invitation.customer_unknown' ? undefined : res;
    }, `referee ${referee} known to the invitations process`);
    expect(confirmed.status).toBe(201);

    // Today is not the event day: check-in is refused until the business calendar says it is.
    const early = await t.call(
      invitations,
      'POST',
      `/joint-events/${jointEventId}/customers/${referee}/attendance`,
      'staff1',
      {},
    );
    expect(early.body).toMatchObject({ code: 'invitation.not_event_day' });
    const policy = await t.expectStatus(
      'policy',
      invitations,
      200,
      'GET',
      '/policies/invitations.joint-events',
      'gm',
    );
    const inForce = policy['inForce'] as { params: Record<string, unknown> };
    await t.expectStatus(
      'adopt',
      invitations,
      201,
      'POST',
      '/policies/invitations.joint-events/versions',
      'gm',
      {
        version: 'v2',
        effectiveFrom: new Date().toISOString(),
        params: { ...inForce.params, utcOffsetMinutes: SHANGHAI_OFFSET_MINUTES + 24 * 60 },
        reason: 'e2e: move the business calendar to the event day',
      },
    );

    await atEvent('check in', '/attendance');
    const saleBody = { saleId: `sale-${t.suffix}`, amountFen: 250_000 };
    const sale = await atEvent('sale', '/sales', saleBody);
    const soldAt = (sale['events'] as { data: { soldAt: string } }[])[0]?.data.soldAt;
    // Repeats at the invitations API record nothing new (same check-in, same sale id).
    expect((await atEvent('check in again', '/attendance'))['events']).toEqual([]);
    expect((await atEvent('same sale again', '/sales', saleBody))['events']).toEqual([]);

    // 2,500 yuan = two full 1,000s → 200 points; attendance 100.
    const ledger = await eventually(async () => {
      const res = await t.call(customers, 'GET', `/customers/${referrer}/points`, 'staff1');
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
    const timers = await pool!.query<{ id: string }>(
      `select id from "${t.schema('customers')}".timers where id like $1 and status = 'scheduled'`,
      [`customer-lapse:${referee}:%`],
    );
    expect(timers.rows).toEqual([{ id: `customer-lapse:${referee}:${soldAt}` }]);
  });
});
