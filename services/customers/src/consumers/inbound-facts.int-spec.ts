import request from 'supertest';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  ATTENDANCE_RECORDED,
  EVENT_SALE_RECORDED,
  INVITATION_CONFIRMED,
  type AttendanceRecordedV1,
  type EventSaleRecordedV1,
  type InvitationConfirmedV1,
} from '@crm/invitations-contracts';
import { CUSTOMER_TRANSFER_REQUESTED, type CustomerTransferRequestedV1 } from '@crm/complaints-contracts';
import { FixedClock } from '@crm/policy';
import { eventually } from '@crm/testing';
import { lapseDeadline } from '@crm/customers-domain';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';
import { FactPublisher, type Sent } from '../testing/kafka-facts';
import { customerHistory, ofType } from '../testing/customer-stream';
import { inboundFactsConsumerName } from './consumer-names';
import { lapseTimerId } from '../application/lapse-timers';
import { LapseTimerBackfill } from '../application/lapse-timer-backfill';

jest.setTimeout(120_000);

/**
 * The invitations and complaints facts the customers service consumes, produced from the test with
 * the contract types on private topics, each sent twice with the same event id (a duplicate
 * delivery): the effects happen exactly once.
 */
describe('facts from invitations and complaints (real PostgreSQL + Kafka)', () => {
  const clock = new FixedClock('2025-03-01T02:00:00.000Z');
  let t: CustomersTestApp;
  let server: Server;
  let facts: FactPublisher;
  let group: string;
  let gm: string;
  let staffBu1: string;
  let staffBu2: string;
  let mobileSeq = 0;

  const register = async (token: string, body: Record<string, unknown> = {}): Promise<string> => {
    const mobile = `137${String(Date.now() % 1e4).padStart(4, '0')}${String(mobileSeq++).padStart(4, '0')}`;
    const res = await request(server)
      .post('/customers')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: '顾客', mobile, source: 'walk_in', ...body })
      .expect(201);
    return res.body.customerId as string;
  };

  /** Sends the same envelope twice and waits until the consumer handled both copies. */
  const deliverTwice = async (
    topic: string,
    type: string,
    customerId: string,
    data: object,
  ): Promise<Sent> => {
    const envelope = facts.envelope(type, customerId, data as Record<string, unknown>);
    const first = await facts.send(topic, envelope);
    const second = await facts.send(topic, envelope);
    await facts.handled(group, second);
    return first;
  };

  const timer = async (id: string): Promise<{ status: string; due_at: Date } | undefined> =>
    (await t.pool.query(`select status, due_at from "${t.config.SCHEMA}".timers where id = $1`, [id]))
      .rows[0];

  beforeAll(async () => {
    t = await startCustomersTestApp({ clock, consumers: true, timerIntervalMs: 100 });
    server = t.app.getHttpServer() as Server;
    facts = new FactPublisher(t.brokers);
    await facts.connect();
    group = inboundFactsConsumerName(t.config);
    gm = await t.token({ sub: 'gm-1', roles: ['gm'], bu: undefined });
    staffBu1 = await t.token({ sub: 'e-001', bu: 'bu-1', roles: ['staff'] });
    staffBu2 = await t.token({ sub: 'e-201', bu: 'bu-2', roles: ['staff'] });
    for (const buId of ['bu-1', 'bu-2', 'bu-3']) {
      await request(server)
        .post('/staff/business-units')
        .set('Authorization', `Bearer ${gm}`)
        .send({ buId, name: buId })
        .expect(201);
    }
    for (const [employeeId, bu] of [
      ['e-001', 'bu-1'],
      ['e-201', 'bu-2'],
      ['e-301', 'bu-3'],
    ]) {
      await request(server)
        .post('/staff')
        .set('Authorization', `Bearer ${gm}`)
        .send({ employeeId, bu, displayName: employeeId })
        .expect(201);
    }
  });

  afterAll(async () => {
    await facts?.close();
    await t?.close();
  });

  it('an invitation confirmed by the owner restarts the lapse clock, once', async () => {
    const customerId = await register(staffBu1);
    const registeredAt = clock.now().toISOString();
    const confirmedAt = '2025-05-01T03:00:00.000Z';
    const fact: InvitationConfirmedV1 = {
      invitationId: randomUUID(),
      jointEventId: 'je-1',
      customerId,
      bu: 'bu-1',
      employeeId: 'e-001',
      confirmedAt,
      countsForDay: '2025-05-01',
    };
    await deliverTwice(t.config.INVITATIONS_TOPIC, INVITATION_CONFIRMED, customerId, fact);
    const served = ofType(await customerHistory(t.app, customerId), 'CustomerServiceRecorded');
    expect(served.map((e) => e.data)).toEqual([
      expect.objectContaining({ kind: 'invitation_confirmed', reference: fact.invitationId, byOwner: true }),
    ]);
    expect(await timer(lapseTimerId(customerId, registeredAt))).toMatchObject({ status: 'cancelled' });
    expect(await timer(lapseTimerId(customerId, confirmedAt))).toEqual({
      status: 'scheduled',
      due_at: new Date(lapseDeadline(confirmedAt, 3)),
    });
  });

  it("a referee's attendance and purchase earn the referrer 100 + 200 points, once each", async () => {
    const referrer = await register(staffBu1);
    const referee = await register(staffBu1, { source: 'referral', referredBy: referrer });
    const attendance: AttendanceRecordedV1 = {
      jointEventId: 'je-7',
      customerId: referee,
      attendedAt: '2025-03-02T10:00:00.000Z',
      inviterBu: 'bu-1',
      inviterEmployeeId: 'e-001',
    };
    const sale: EventSaleRecordedV1 = {
      saleId: randomUUID(),
      jointEventId: 'je-7',
      customerId: referee,
      amountFen: 299_900,
      soldAt: '2025-03-02T11:00:00.000Z',
      inviterBu: 'bu-1',
      inviterEmployeeId: 'e-001',
    };
    await deliverTwice(t.config.INVITATIONS_TOPIC, ATTENDANCE_RECORDED, referee, attendance);
    await deliverTwice(t.config.INVITATIONS_TOPIC, EVENT_SALE_RECORDED, referee, sale);
    // The same sale re-published under a new event id changes nothing either.
    await facts.handled(
      group,
      await facts.send(t.config.INVITATIONS_TOPIC, facts.envelope(EVENT_SALE_RECORDED, referee, sale)),
    );

    const awards = ofType(await customerHistory(t.app, referrer), 'ReferralPointsAwarded');
    expect(awards.map((e) => [e.data['cause'], e.data['points'], e.data['policyVersion']])).toEqual([
      ['attendance', 100, 'v1'],
      ['purchase', 200, 'v1'],
    ]);
    const served = ofType(await customerHistory(t.app, referee), 'CustomerServiceRecorded');
    expect(served.map((e) => e.data['kind'])).toEqual(['attendance', 'sale']);
    const tiers = ofType(await customerHistory(t.app, referee), 'CustomerClassified');
    expect(tiers.map((e) => e.data)).toEqual([
      expect.objectContaining({
        tier: 'potential',
        mode: 'policy',
        basis: expect.objectContaining({ purchaseTotalFen: 299_900 }),
      }),
    ]);

    await t.caughtUp();
    const row = await t.pool.query(
      `select points_balance from "${t.config.readSchema()}".customer_list where customer_id = $1`,
      [referrer],
    );
    expect(row.rows[0]).toEqual({ points_balance: 300 });

    const ledger = await request(server)
      .get(`/customers/${referrer}/points`)
      .set('Authorization', `Bearer ${staffBu1}`)
      .expect(200);
    expect(ledger.body).toMatchObject({
      balance: 300,
      entries: [
        { entry: 'attendance', points: 100, refereeId: referee, reference: 'je-7', balance: 100 },
        { entry: 'purchase', points: 200, amountFen: 299_900, reference: sale.saleId, balance: 300 },
      ],
    });
    const redeem = (points: number) =>
      request(server)
        .post(`/customers/${referrer}/points/redemptions`)
        .set('Authorization', `Bearer ${staffBu1}`)
        .send({ points, reference: 'gift' });
    await redeem(250).expect(200);
    const refused = await redeem(51).expect(422);
    expect(refused.body).toMatchObject({ code: 'customer.points_insufficient', details: { balance: 50 } });
  });

  it('an unresolved complaint moves the customer to the least-loaded employee of another BU, once', async () => {
    await register(staffBu2); // bu-2's only employee now has one customer; bu-3's has none
    const customerId = await register(staffBu1);
    await t.caughtUp();
    const transfer: CustomerTransferRequestedV1 = {
      requestId: randomUUID(),
      caseId: randomUUID(),
      caseNumber: '2503-0001',
      customerId,
      fromBu: 'bu-1',
      employeeId: 'e-001',
      requestedAt: '2025-03-05T02:00:00.000Z',
      rule: 'CMP-32',
      policyVersion: 1,
    };
    const sent = await deliverTwice(
      t.config.COMPLAINTS_TOPIC,
      CUSTOMER_TRANSFER_REQUESTED,
      customerId,
      transfer,
    );
    // The same request re-published under a new event id (the contract's key is requestId).
    const republished = await facts.send(
      t.config.COMPLAINTS_TOPIC,
      facts.envelope(CUSTOMER_TRANSFER_REQUESTED, customerId, transfer),
    );
    await facts.handled(group, republished);
    const changes = ofType(await customerHistory(t.app, customerId), 'CustomerOwnershipChanged');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.data).toMatchObject({
      fromBu: 'bu-1',
      toBu: 'bu-3',
      toEmployeeId: 'e-301',
      reason: 'unresolved_complaint',
      rule: 'ARC-71',
      policyVersion: 'v1',
      basis: {
        requestId: transfer.requestId,
        caseNumber: '2503-0001',
        candidates: [
          { bu: 'bu-2', employeeId: 'e-201', load: 1 },
          { bu: 'bu-3', employeeId: 'e-301', load: 0 },
        ],
      },
    });
    expect(changes[0]?.metadata).toMatchObject({ causationId: sent.envelope.eventId });
  });

  it('parks a fact that breaks its contract, or that the domain refuses, with the reason, and keeps going', async () => {
    const broken = facts.envelope(INVITATION_CONFIRMED, 'c-x', { invitationId: 'i-1', customerId: 'c-x' });
    const unknown = facts.envelope(CUSTOMER_TRANSFER_REQUESTED, 'c-404', {
      requestId: randomUUID(),
      caseId: 'case-1',
      caseNumber: '2503-0002',
      customerId: '00000000-0000-4000-8000-000000000404',
      fromBu: 'bu-1',
      employeeId: 'e-001',
      requestedAt: '2025-03-05T02:00:00.000Z',
      rule: 'CMP-32',
      policyVersion: 1,
    } satisfies CustomerTransferRequestedV1);
    await facts.handled(group, await facts.send(t.config.INVITATIONS_TOPIC, broken));
    await facts.handled(group, await facts.send(t.config.COMPLAINTS_TOPIC, unknown));
    const letters = await eventually(async () => {
      const { rows } = await t.pool.query<{ event_id: string; error: string }>(
        `select event_id, error from "${t.config.SCHEMA}".dead_letters where consumer = $1`,
        [group],
      );
      return rows.length >= 2 ? rows : undefined;
    }, 'two dead letters');
    expect(letters.find((l) => l.event_id === broken.eventId)?.error).toMatch(/bu|jointEventId|contract/);
    expect(letters.find((l) => l.event_id === unknown.eventId)?.error).toMatch(/customer.not_found/);
  });

  it('dead-letters the single byte 0x00 on the invitations topic and handles the next fact behind it', async () => {
    const customerId = await register(staffBu1);
    const poison = await facts.sendRaw(t.config.INVITATIONS_TOPIC, customerId, Buffer.from([0x00]));
    const at = clock.now().toISOString();
    const next = await facts.send(
      t.config.INVITATIONS_TOPIC,
      facts.envelope(INVITATION_CONFIRMED, customerId, {
        invitationId: randomUUID(),
        jointEventId: 'je-nul',
        customerId,
        bu: 'bu-1',
        employeeId: 'e-001',
        confirmedAt: at,
        countsForDay: at.slice(0, 10),
      } satisfies InvitationConfirmedV1),
    );
    expect(next.partition).toBe(poison.partition);
    await facts.handled(group, next);
    const served = ofType(await customerHistory(t.app, customerId), 'CustomerServiceRecorded');
    expect(served.map((e) => e.data['reference'])).toEqual([next.envelope.data['invitationId']]);
    const { rows } = await t.pool.query<{ value: Buffer; error: string }>(
      `select value, error from "${t.config.SCHEMA}".dead_letters
        where consumer = $1 and topic = $2 and "partition" = $3 and "offset" = $4`,
      [group, poison.topic, poison.partition, poison.offset],
    );
    expect(rows).toEqual([{ value: Buffer.from([0x00]), error: expect.stringMatching(/not JSON/) }]);
  });

  it('the boot-time backfill schedules a lapse timer that is missing (customers older than timers)', async () => {
    const customerId = await register(staffBu1);
    const id = lapseTimerId(customerId, clock.now().toISOString());
    await t.caughtUp();
    await t.pool.query(`delete from "${t.config.SCHEMA}".timers where id = $1`, [id]);
    expect(await timer(id)).toBeUndefined();
    expect(await t.app.get(LapseTimerBackfill).run()).toBeGreaterThan(0);
    expect(await timer(id)).toMatchObject({ status: 'scheduled' });
  });

  it('the lapse timer lapses a customer after the policy period; service a day before the deadline prevents it', async () => {
    clock.set('2025-06-01T02:00:00.000Z');
    const customerId = await register(staffBu1);
    const registeredAt = clock.now().toISOString();
    const deadline = lapseDeadline(registeredAt, 3);
    const dayBefore = new Date(Date.parse(deadline) - 24 * 3600_000).toISOString();
    await deliverTwice(t.config.INVITATIONS_TOPIC, INVITATION_CONFIRMED, customerId, {
      invitationId: randomUUID(),
      jointEventId: 'je-9',
      customerId,
      bu: 'bu-1',
      employeeId: 'e-001',
      confirmedAt: dayBefore,
      countsForDay: dayBefore.slice(0, 10),
    } satisfies InvitationConfirmedV1);

    clock.set(deadline);
    expect(await timer(lapseTimerId(customerId, registeredAt))).toMatchObject({ status: 'cancelled' });
    const next = lapseTimerId(customerId, dayBefore);
    expect(await timer(next)).toMatchObject({ status: 'scheduled' });

    clock.set(lapseDeadline(dayBefore, 3));
    await eventually(
      async () => ((await timer(next))?.status === 'fired' ? true : undefined),
      'the lapse timer',
    );
    const lapsed = ofType(await customerHistory(t.app, customerId), 'CustomerServiceLapsed');
    expect(lapsed.map((e) => e.data)).toEqual([
      expect.objectContaining({ lastServiceAt: dayBefore, lapseAfterMonths: 3, policyVersion: 'v1' }),
    ]);

    // Open to other BUs now: bu-2 invites the customer, which is the report the director acts on.
    const invitedAt = clock.now().toISOString();
    await deliverTwice(t.config.INVITATIONS_TOPIC, INVITATION_CONFIRMED, customerId, {
      invitationId: randomUUID(),
      jointEventId: 'je-10',
      customerId,
      bu: 'bu-2',
      employeeId: 'e-201',
      confirmedAt: invitedAt,
      countsForDay: invitedAt.slice(0, 10),
    } satisfies InvitationConfirmedV1);
    await t.caughtUp();
    const director = await t.token({ sub: 'd-1', roles: ['resource_director'], bu: undefined });
    const queue = await request(server)
      .get('/customer-reports/lapsed?bu=bu-1')
      .set('Authorization', `Bearer ${director}`)
      .expect(200);
    expect(queue.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          customerId,
          servedElsewhere: { bu: 'bu-2', employeeId: 'e-201', at: invitedAt },
        }),
      ]),
    );
    const masked = await request(server)
      .get(`/customers/${customerId}`)
      .set('Authorization', `Bearer ${staffBu2}`);
    expect(masked.body).toMatchObject({ lapsed: true, personalData: { visibility: 'full', name: '顾客' } });
    await request(server)
      .post(`/customers/${customerId}/reassignments`)
      .set('Authorization', `Bearer ${director}`)
      .send({ toBu: 'bu-2', toEmployeeId: 'e-201', reason: 'service_lapse' })
      .expect(200);
    const after = await request(server)
      .get(`/customers/${customerId}`)
      .set('Authorization', `Bearer ${staffBu1}`);
    expect(after.body).toMatchObject({
      ownerBu: 'bu-2',
      lapsed: false,
      personalData: { visibility: 'masked' },
    });
  });
});
