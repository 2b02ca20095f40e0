import request from 'supertest';
import type { Server } from 'node:http';
import { FINE_ISSUED_CONTRACT, parseFineIssuedContract } from '@crm/penalties-contracts';
import { randomUUID } from 'node:crypto';
import {
  CUSTOMER_LAPSE_CLEARED,
  CUSTOMER_OWNERSHIP_CHANGED,
  type CustomerLapseClearedV1,
  type CustomerOwnershipChangedV1,
} from '@crm/customers-contracts';
import {
  customerEventEnvelope,
  publishCustomerEvent,
  type Published,
} from '@crm/customers-directory-replica';
import {
  ATTENDANCE_RECORDED,
  EVENT_SALE_RECORDED,
  INVITATION_CONFIRMED,
  INVITATION_CONFLICT_RULED,
  parseAttendanceRecordedV1,
  parseEventSaleRecordedV1,
  parseInvitationConfirmedV1,
  parseInvitationConflictRuledV1,
} from '@crm/invitations-contracts';
import { invitationStreamId, jointEventStreamId } from '@crm/invitations-domain';
import { EVENT_STORE, EventPipeline } from '@crm/nest';
import type { EventStore } from '@crm/event-store';
import { consumedPast, eventually } from '@crm/testing';
import { eligibilityConsumerName } from './eligibility/start-eligibility-consumer';
import { startInvitationsTestApp, type InvitationsTestApp } from './testing/invitations-test-app';
import { registeredCustomer } from './testing/registered-customer';

jest.setTimeout(180_000);

/** A local Asia/Shanghai wall-clock time. */
const local = (time: string): string => new Date(`${time.replace(' ', 'T')}+08:00`).toISOString();

/** Every status answered in this file: bad input must never produce a 500. */
const seen: number[] = [];

describe('invitations service (real PostgreSQL + Kafka, through HTTP)', () => {
  let t: InvitationsTestApp;
  let server: Server;
  let jointEventId: string;
  /** Claimed by both BUs, listed by neither: only the coordinator (or the GM) can decide. */
  let z: string;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post', path: string, who: string) =>
    request(server)
      [method](path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`)
      .on('response', (res: { status: number }) => seen.push(res.status));

  const scheduleEvent = (date: string, slot: 'afternoon' | 'evening') =>
    call('post', '/joint-events', 'coordinator').send({
      date,
      slot,
      venue: 'Hall A',
      businessUnits: ['bu-1', 'bu-2'],
      coordinatorId: 'co-1',
    });

  const confirm = (customerId: string, who: string) =>
    call('post', `/joint-events/${jointEventId}/invitations`, who).send({ customerId });

  const publish = (
    data: Readonly<Record<string, unknown>> & { customerId: string },
    type: string,
    version: number,
    eventId?: string,
  ): Promise<Published> =>
    publishCustomerEvent(
      t.producer,
      t.config.CUSTOMERS_TOPIC,
      customerEventEnvelope(data, { type, version, ...(eventId !== undefined ? { eventId } : {}) }),
    );

  const eligibility = async (customerId: string) =>
    (
      await t.pool.query(
        `select * from "${t.config.readSchema()}".customer_eligibility where customer_id = $1`,
        [customerId],
      )
    ).rows[0] as { owner_bu: string; lapsed: boolean; last_event_version: number } | undefined;

  const until = (
    customerId: string,
    check: (row: NonNullable<Awaited<ReturnType<typeof eligibility>>>) => boolean,
  ) =>
    eventually(async () => {
      const row = await eligibility(customerId);
      return row !== undefined && check(row) ? row : undefined;
    }, `eligibility of ${customerId}`);

  /** Resolves once the consumer committed past `sent`: everything up to it is handled. */
  const handled = async (sent: Published): Promise<void> =>
    consumedPast(t.kafka, eligibilityConsumerName(t.config), t.config.CUSTOMERS_TOPIC, sent);

  const registered = (ownerBu: string, lapsed = false): Promise<string> =>
    registeredCustomer(t, ownerBu, lapsed);

  const setClock = async (time: string): Promise<void> => {
    t.clock.set(local(time));
  };

  const publishedOf = async (type: string, customerId: string) =>
    eventually(
      async () => t.published.find((e) => e.type === type && e.data['customerId'] === customerId),
      `${type} of ${customerId} on the invitations topic`,
    );

  beforeAll(async () => {
    t = await startInvitationsTestApp(local('2026-12-05 11:00:00'));
    server = t.app.getHttpServer() as Server;
    const claims = {
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      staff1b: { sub: 'e-102', bu: 'bu-1', roles: ['staff'] },
      staff2: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
      manager1: { sub: 'm-1', bu: 'bu-1', roles: ['bu_manager'] },
      manager2: { sub: 'm-2', bu: 'bu-2', roles: ['bu_manager'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
      gm: { sub: 'gm-1', roles: ['gm'] },
      auditor: { sub: 'au-1', roles: ['auditor'] },
      analyst: { sub: 'an-1', roles: ['analyst'] },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await t.token(c);
    const res = await scheduleEvent('2026-12-10', 'evening').expect(201);
    jointEventId = res.body.jointEventId as string;
  });

  afterAll(async () => {
    await t?.close();
  });

  afterAll(() => {
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  it('ownership changes from the customers topic change who may invite', async () => {
    const customerId = await registered('bu-1');
    const refused = await confirm(customerId, 'staff2').expect(403);
    expect(refused.body).toMatchObject({ code: 'invitation.customer_not_open', rule: 'INV-14' });

    const change: CustomerOwnershipChangedV1 = {
      customerId,
      fromBu: 'bu-1',
      fromEmployeeId: 'e-bu-1',
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'director_decision',
      decidedBy: 'rd-1',
      policyVersion: 1,
      changedAt: local('2026-12-05 10:00:00'),
    };
    await publish(change, CUSTOMER_OWNERSHIP_CHANGED, 1);
    await until(customerId, (row) => row.owner_bu === 'bu-2');
    await confirm(customerId, 'staff1').expect(403);
    const ok = await confirm(customerId, 'staff2').expect(201);
    expect(ok.body.events[0]).toMatchObject({
      type: 'InvitationConfirmed',
      data: { bu: 'bu-2', access: 'owner', countsForDay: '2026-12-05' },
    });
  });

  it('a lapse opens the customer to other BUs; a cleared lapse closes it again', async () => {
    const open = await registered('bu-2', true);
    await confirm(open, 'staff1').expect(201);

    const closed = await registered('bu-2', true);
    const cleared: CustomerLapseClearedV1 = {
      customerId: closed,
      ownerBu: 'bu-2',
      clearedAt: local('2026-12-05 10:30:00'),
    };
    await publish(cleared, CUSTOMER_LAPSE_CLEARED, 2);
    await until(closed, (row) => !row.lapsed);
    await confirm(closed, 'staff1').expect(403);
  });

  it('a duplicate delivery changes nothing, even with other content and a higher version', async () => {
    const customerId = await registered('bu-1');
    const change: CustomerOwnershipChangedV1 = {
      customerId,
      fromBu: 'bu-1',
      fromEmployeeId: 'e-bu-1',
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'service_lapse',
      decidedBy: 'rd-1',
      policyVersion: 1,
      changedAt: local('2026-12-05 10:00:00'),
    };
    const first = await publish(change, CUSTOMER_OWNERSHIP_CHANGED, 1);
    const before = await until(customerId, (row) => row.owner_bu === 'bu-2');
    const again = await publish(
      { ...change, toBu: 'bu-9' },
      CUSTOMER_OWNERSHIP_CHANGED,
      5,
      first.envelope.eventId,
    );
    await handled(again);
    expect(await eligibility(customerId)).toEqual(before);
    const inbox = await t.pool.query(
      `select count(*)::int as n from "${t.config.SCHEMA}".inbox where event_id = $1 and consumer = $2`,
      [first.envelope.eventId, eligibilityConsumerName(t.config)],
    );
    expect(inbox.rows[0].n).toBe(1);
  });

  it('two BUs confirming the same customer at once: exactly one succeeds, the other gets 409 naming it (x50)', async () => {
    const customers = await Promise.all(Array.from({ length: 50 }, () => registered('bu-3', true)));
    const store = t.app.get<EventStore>(EVENT_STORE);
    for (const customerId of customers) {
      const [a, b] = await Promise.all([confirm(customerId, 'staff1'), confirm(customerId, 'staff2')]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([201, 409]);
      const [winner, loser] = a.status === 201 ? [a, b] : [b, a];
      const winnerBu = winner.body.events[0].data.bu as string;
      expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(loser.body).toMatchObject({
        status: 409,
        code: 'invitation.customer_held',
        rule: 'INV-09',
        details: { holdingBu: winnerBu },
      });
      const types: string[] = [];
      for await (const e of store.readStream(invitationStreamId(jointEventId, customerId)))
        types.push(e.type);
      expect(types).toEqual(['InvitationConfirmed']);
    }
  });

  describe("the issue's scenario over HTTP, driven by the durable cut-off timers", () => {
    let x: string;

    it('BU2 confirms X on D (12-05); without a list by 18:00 the cut-off timer records it missing and fines the manager', async () => {
      x = await registered('bu-3', true);
      z = await registered('bu-3', true);
      await confirm(x, 'staff2').expect(201);
      await confirm(z, 'staff2').expect(201);
      await confirm(x, 'staff1').expect(409);
      await setClock('2026-12-05 19:00:00');
      const state = await eventually(async () => {
        const res = await call('get', `/joint-events/${jointEventId}`, 'auditor').expect(200);
        return (res.body.cutoffsReached as string[]).includes('2026-12-05') ? res.body : undefined;
      }, 'the 12-05 cut-off recorded');
      expect(state.filings['bu-2']['2026-12-05']).toMatchObject({ missed: true, fined: true });
      const fines = await eventually(async () => {
        const found = t.published
          .filter((e) => e.type === FINE_ISSUED_CONTRACT)
          .map((e) => parseFineIssuedContract(e.data));
        return found.some((f) => f.payee.bu === 'bu-2' && f.reason.includes('2026-12-05'))
          ? found
          : undefined;
      }, 'the fine for the missing 12-05 list on the topic');
      expect(fines.find((f) => f.payee.bu === 'bu-2' && f.reason.includes('2026-12-05'))).toMatchObject({
        sourceService: 'invitations',
        amountFen: 1000,
        rule: 'INV-07',
        payee: { bu: 'bu-2', post: 'bu_manager' },
        policyVersion: 'v1',
        cause: { link: `/invitations/events/${jointEventId}`, reference: jointEventId },
      });
    });

    it("the same cut-off records BU2's missing planned list for D+1 and fines it; BU1 (first) owes none (INV-01/02/07)", async () => {
      const state = await call('get', `/joint-events/${jointEventId}`, 'auditor').expect(200);
      expect(state.body.filings['bu-2']['2026-12-05']).toMatchObject({
        plannedMissed: true,
        plannedFined: true,
      });
      const planned = await eventually(async () => {
        const found = t.published
          .filter((e) => e.type === FINE_ISSUED_CONTRACT)
          .map((e) => parseFineIssuedContract(e.data))
          .filter((f) => f.reason.includes('planned list for 2026-12-06'));
        return found.length > 0 ? found : undefined;
      }, 'the fine for the missing planned list on the topic');
      expect(planned).toEqual([
        expect.objectContaining({
          payee: { bu: 'bu-2', post: 'bu_manager' },
          amountFen: 1000,
          rule: 'INV-07',
        }),
      ]);
      const store = t.app.get<EventStore>(EVENT_STORE);
      const types: string[] = [];
      for await (const e of store.readStream(jointEventStreamId(jointEventId))) types.push(e.type);
      expect(types.filter((type) => type === 'PlannedListFilingMissed').length).toBeGreaterThan(0);
      const ledger = await eventually(async () => {
        const res = await call('get', '/penalty-ledger?bu=bu-2', 'analyst').expect(200);
        const rows = (res.body as { reason: string }[]).filter((f) => f.reason.includes('planned list'));
        return rows.length > 0 ? rows : undefined;
      }, 'the planned-list fine in the penalty ledger');
      expect(ledger[0]).toMatchObject({ rule: 'INV-07', amountFen: '1000' });
    });

    it("BU2's list of D filed at 19:00 is late: recorded, not fined twice, and X stays unprotected", async () => {
      const late = await call('post', `/joint-events/${jointEventId}/lists`, 'manager2')
        .send({ day: '2026-12-05', confirmed: [x], planned: [] })
        .expect(201);
      expect(late.body.events).toEqual([
        expect.objectContaining({
          type: 'InvitationListFiled',
          data: expect.objectContaining({ onTime: false }),
        }),
      ]);
    });

    it('BU1 may now confirm X (counts for 12-06), lists it on time, and the check rules X to BU1: late_filing', async () => {
      const res = await confirm(x, 'staff1').expect(201);
      expect(res.body.events[0].data).toMatchObject({ bu: 'bu-1', countsForDay: '2026-12-06' });
      await confirm(z, 'staff1').expect(201);
      await setClock('2026-12-06 17:00:00');
      await call('post', `/joint-events/${jointEventId}/lists`, 'manager1')
        .send({ day: '2026-12-06', confirmed: [x] })
        .expect(201);
      const ruled = parseInvitationConflictRuledV1((await publishedOf(INVITATION_CONFLICT_RULED, x)).data);
      expect(ruled).toMatchObject({
        winnerBu: 'bu-1',
        loserBus: ['bu-2'],
        basis: 'late_filing',
        final: false,
        policyVersion: 'v1',
      });

      const explanation = await call(
        'get',
        `/joint-events/${jointEventId}/customers/${x}/explanation`,
        'auditor',
      ).expect(200);
      expect(explanation.body.currentInviter).toMatchObject({
        bu: 'bu-1',
        because: 'ruling with basis late_filing',
      });
      expect(explanation.body.confirmations.map((c: { bu: string }) => c.bu)).toEqual(['bu-2', 'bu-1']);
      expect(explanation.body.lists).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'missed', bu: 'bu-2', day: '2026-12-05' }),
          expect.objectContaining({ kind: 'filed', bu: 'bu-2', day: '2026-12-05', onTime: false }),
          expect.objectContaining({ kind: 'filed', bu: 'bu-1', day: '2026-12-06', onTime: true }),
        ]),
      );
      expect(explanation.body.rulings).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            type: 'InvitationConflictRuled',
            basis: 'late_filing',
            policyVersion: 'v1',
          }),
        ]),
      );
      // As of BU2's confirmation (record time, what the system knew then), BU2 was the inviter.
      const past = await call(
        'get',
        `/joint-events/${jointEventId}/customers/${x}/explanation?asOf=${encodeURIComponent(explanation.body.confirmations[0].recordedAt as string)}`,
        'auditor',
      ).expect(200);
      expect(past.body.currentInviter).toMatchObject({ bu: 'bu-2' });

      // The 12-05 lists went back to the BUs at the 08:30 meeting of 12-06 (release timer).
      await eventually(async () => {
        const res = await call('get', `/joint-events/${jointEventId}`, 'auditor').expect(200);
        return (res.body.released as string[]).includes('2026-12-05') ? true : undefined;
      }, 'the 12-05 lists released');
      const lists = await call('get', `/joint-events/${jointEventId}/lists/2026-12-05`, 'manager1').expect(
        200,
      );
      expect(lists.body).toMatchObject({
        released: true,
        lists: [{ bu: 'bu-1' }, { bu: 'bu-2', listedCustomers: [x] }],
      });
      const ownOnly = await call('get', `/joint-events/${jointEventId}/lists/2026-12-06`, 'manager2').expect(
        200,
      );
      expect(ownOnly.body).toMatchObject({ released: false, lists: [{ bu: 'bu-2' }] });

      const queue = await eventually(async () => {
        const q = await call('get', '/invitation-conflicts?status=ruled', 'coordinator').expect(200);
        return (q.body as { customerId: string }[]).find((r) => r.customerId === x);
      }, 'the ruled conflict in the queue');
      expect(queue).toMatchObject({ winnerBu: 'bu-1', basis: 'late_filing' });
    });

    it('at the event: check-in and a sale credited to the current inviter reach the topic in the contract shape', async () => {
      await setClock('2026-12-10 19:00:00');
      await call('post', `/joint-events/${jointEventId}/customers/${x}/attendance`, 'staff1').expect(201);
      await call('post', `/joint-events/${jointEventId}/customers/${x}/assists`, 'staff1b')
        .send({ assistantEmployeeId: 'e-201' })
        .expect(403);
      await call('post', `/joint-events/${jointEventId}/customers/${x}/assists`, 'staff1')
        .send({ assistantEmployeeId: 'e-201' })
        .expect(201);
      await call('post', `/joint-events/${jointEventId}/customers/${x}/pitch`, 'staff1')
        .send({ employeeId: 'e-101' })
        .expect(201);
      const busy = await call('post', `/joint-events/${jointEventId}/customers/${x}/pitch`, 'staff2')
        .send({ employeeId: 'e-201' })
        .expect(409);
      expect(busy.body).toMatchObject({ code: 'invitation.pitch_in_progress', rule: 'INV-11' });
      await call('post', `/joint-events/${jointEventId}/customers/${x}/sales`, 'staff2')
        .send({ saleId: `s-${randomUUID()}`, amountFen: 250_000, assistedBy: 'e-201' })
        .expect(201);

      const attendance = parseAttendanceRecordedV1((await publishedOf(ATTENDANCE_RECORDED, x)).data);
      expect(attendance).toMatchObject({
        jointEventId,
        customerId: x,
        inviterBu: 'bu-1',
        inviterEmployeeId: 'e-101',
      });
      const sale = parseEventSaleRecordedV1((await publishedOf(EVENT_SALE_RECORDED, x)).data);
      expect(sale).toMatchObject({
        amountFen: 250_000,
        inviterBu: 'bu-1',
        inviterEmployeeId: 'e-101',
        assistedBy: 'e-201',
      });
      const confirmed = t.published.filter(
        (e) => e.type === INVITATION_CONFIRMED && e.data['customerId'] === x,
      );
      expect(confirmed.map((e) => parseInvitationConfirmedV1(e.data).bu)).toEqual(['bu-2', 'bu-1']);
      expect(JSON.stringify(t.published)).not.toContain('"access"');

      const board = await eventually(async () => {
        const res = await call('get', `/joint-events/${jointEventId}/board`, 'coordinator').expect(200);
        return (res.body.salesPerEmployee as unknown[]).length > 0 ? res.body : undefined;
      }, 'the sale on the board');
      expect(board.salesPerEmployee).toEqual([
        { bu: 'bu-1', employeeId: 'e-101', amountFen: '250000', sales: 1 },
      ]);
      const compliance = await eventually(async () => {
        const res = await call('get', '/filing-compliance?bu=bu-2', 'analyst').expect(200);
        return (res.body as { missing: number }[])[0]?.missing ? res.body : undefined;
      }, 'filing compliance of bu-2');
      expect(compliance[0]).toMatchObject({ bu: 'bu-2', onTime: 0 });
      const ledger = await call('get', '/penalty-ledger?bu=bu-2', 'analyst').expect(200);
      expect((ledger.body as { rule: string }[]).every((f) => f.rule === 'INV-07')).toBe(true);
    });
  });

  describe('coordinator queue, escalation and disputes (INV-08/12/13)', () => {
    it("a conflict nobody filed on time waits for the coordinator; escalated, the GM's ruling is final", async () => {
      const open = await eventually(async () => {
        const q = await call('get', '/invitation-conflicts?status=open', 'coordinator').expect(200);
        return (q.body as { customerId: string }[]).find((r) => r.customerId === z);
      }, 'the unresolvable conflict in the coordinator queue');
      expect(open).toMatchObject({ status: 'open', jointEventId });
      const path = `/joint-events/${jointEventId}/customers/${z}`;
      await call('post', `${path}/escalation`, 'coordinator')
        .send({ reason: 'both managers insist' })
        .expect(201);
      const refused = await call('post', `${path}/rulings`, 'coordinator')
        .send({ winnerBu: 'bu-2' })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'invitation.conflict_escalated', rule: 'INV-13' });
      const gm = await call('post', `${path}/rulings`, 'gm')
        .send({ winnerBu: 'bu-1', note: 'bu-1 served her' })
        .expect(201);
      expect(gm.body.events[0].data).toMatchObject({ basis: 'gm', final: true, winnerBu: 'bu-1' });
      const later = await call('post', `${path}/rulings`, 'gm').send({ winnerBu: 'bu-2' }).expect(409);
      expect(later.body).toMatchObject({ code: 'invitation.ruling_final', rule: 'INV-13' });
      const ruled = parseInvitationConflictRuledV1((await publishedOf(INVITATION_CONFLICT_RULED, z)).data);
      expect(ruled).toMatchObject({ basis: 'gm', final: true, decidedBy: 'gm-1' });
    });

    it('a dispute is resolved by both managers with the coordinator; each quarreller is fined 100 yuan', async () => {
      const parties = [
        { employeeId: 'e-101', bu: 'bu-1' },
        { employeeId: 'e-201', bu: 'bu-2' },
      ];
      const recorded = await call('post', `/joint-events/${jointEventId}/disputes`, 'staff1')
        .send({ customerId: z, parties, description: 'argued at table 3' })
        .expect(201);
      const disputeId = recorded.body.disputeId as string;
      await call('post', `/joint-events/${jointEventId}/disputes/${disputeId}/resolution`, 'coordinator')
        .send({
          resolution: 'apologies; customer stays with bu-1',
          managerIds: ['m-1', 'm-2'],
          quarrelled: parties,
        })
        .expect(200);
      const fines = await eventually(async () => {
        const res = await call('get', '/penalty-ledger', 'analyst').expect(200);
        const quarrel = (res.body as { rule: string }[]).filter((f) => f.rule === 'INV-12');
        return quarrel.length === 2 ? quarrel : undefined;
      }, 'the quarrel fines in the penalty ledger');
      expect(fines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ employeeId: 'e-101', amountFen: '10000', policyVersion: 'v1' }),
          expect.objectContaining({ employeeId: 'e-201', amountFen: '10000', policyVersion: 'v1' }),
        ]),
      );
    });
  });

  it('reports the customers-topic consumer, relay, projections and timers on /health', async () => {
    const health = await request(server).get('/health').expect(200);
    const checks = health.body.checks as Record<string, { status: string }>;
    expect(checks['consumer.eligibility']).toMatchObject({ status: 'up' });
    expect(Object.keys(checks).length).toBeGreaterThan(4);
  });

  it('serves its policy document with the version decisions record', async () => {
    const res = await call('get', '/policies/invitations.joint-events', 'staff1').expect(200);
    expect(JSON.stringify(res.body)).toContain('"lateListFineFen":1000');
    expect(JSON.stringify(res.body)).toContain('"version":"v1"');
  });

  it('rebuilt read models equal the incrementally built ones', async () => {
    const pipeline = t.app.get(EventPipeline);
    // Every timer due at the test clock's instant has fired (its effects are appended before it is marked).
    await eventually(async () => {
      const { rows } = await t.pool.query(
        `select count(*)::int as n from "${t.config.SCHEMA}".timers where status = 'scheduled' and due_at <= $1`,
        [t.clock.now()],
      );
      return rows[0].n === 0 ? true : undefined;
    }, 'the due timers fired');
    await pipeline.caughtUp();
    const snapshot = async (): Promise<unknown[]> => {
      const tables = [
        'event_confirmations',
        'event_customers',
        'event_sales',
        'conflict_queue',
        'list_filings',
        'penalty_ledger',
      ];
      return Promise.all(
        tables.map(async (table) => {
          const { rows } = await t.pool.query(`select * from "${t.config.readSchema()}".${table}`);
          return rows.map((row) => JSON.stringify(row)).sort();
        }),
      );
    };
    const before = await snapshot();
    expect(before.every((rows) => (rows as unknown[]).length > 0)).toBe(true);
    for (const name of ['event_board', 'conflict_queue', 'filing_compliance', 'penalty_ledger']) {
      await pipeline.projection(name).rebuild();
    }
    await pipeline.caughtUp();
    expect(await snapshot()).toEqual(before);
  });

  it('answers bad input with 4xx problem+json naming the problem, never 500', async () => {
    const cases: [string, request.Test, number, string][] = [
      [
        'malformed schedule',
        call('post', '/joint-events', 'coordinator').send({
          date: 'soon',
          slot: 'morning',
          businessUnits: 'bu-1',
        }),
        400,
        'validation_failed',
      ],
      [
        'unknown field',
        call('post', `/joint-events/${jointEventId}/invitations`, 'staff1').send({
          customerId: 'c',
          extra: 1,
        }),
        400,
        'validation_failed',
      ],
      ['not a uuid', call('get', '/joint-events/not-a-uuid', 'auditor'), 400, 'bad_request'],
      [
        'unknown joint event',
        call('get', `/joint-events/${randomUUID()}`, 'auditor'),
        404,
        'invitation.joint_event_not_found',
      ],
      [
        'confirm on unknown event',
        call('post', `/joint-events/${randomUUID()}/invitations`, 'staff1').send({ customerId: 'c-1' }),
        404,
        'invitation.joint_event_not_found',
      ],
      [
        'wrong role',
        call('post', '/joint-events', 'staff1').send({
          date: '2026-12-20',
          slot: 'evening',
          venue: 'v',
          businessUnits: ['bu-1', 'bu-2'],
          coordinatorId: 'c',
        }),
        403,
        'forbidden_role',
      ],
      [
        'a past event',
        call('post', '/joint-events', 'coordinator').send({
          date: '2026-01-01',
          slot: 'evening',
          venue: 'v',
          businessUnits: ['bu-1', 'bu-2'],
          coordinatorId: 'c',
        }),
        422,
        'invitation.event_not_in_future',
      ],
      ['unknown customer', confirm('nobody', 'staff1'), 422, 'invitation.customer_unknown'],
      [
        'bad customer id',
        call('post', `/joint-events/${jointEventId}/customers/a%20b/attendance`, 'staff1'),
        400,
        'bad_request',
      ],
      [
        'ruling without conflict',
        call('post', `/joint-events/${jointEventId}/customers/nobody/rulings`, 'coordinator').send({
          winnerBu: 'bu-1',
        }),
        404,
        'invitation.not_invited',
      ],
      [
        'bad amount',
        call('post', `/joint-events/${jointEventId}/customers/nobody/sales`, 'staff1').send({
          amountFen: -5,
        }),
        400,
        'validation_failed',
      ],
      [
        'bad as-of',
        call('get', `/joint-events/${jointEventId}?asOf=yesterday`, 'auditor'),
        400,
        'validation_failed',
      ],
      [
        'broken json',
        call('post', `/joint-events/${jointEventId}/lists`, 'manager1')
          .set('Content-Type', 'application/json')
          .send('{"day":'),
        400,
        'malformed_json',
      ],
      [
        'explaining a customer nobody invited',
        call('get', `/joint-events/${jointEventId}/customers/nobody/explanation`, 'auditor'),
        404,
        'invitation.not_invited',
      ],
      ['no token', request(server).get(`/joint-events/${jointEventId}`), 401, 'missing_token'],
    ];
    for (const [label, pending, status, code] of cases) {
      const res = await pending;
      seen.push(res.status);
      expect({ label, status: res.status, code: res.body.code }).toEqual({ label, status, code });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
  it('a policy version adopted later governs later decisions, which record it; earlier ones keep theirs', async () => {
    const v1 = await call('get', '/policies/invitations.joint-events', 'gm').expect(200);
    const params = {
      ...(JSON.parse(JSON.stringify(v1.body)) as { versions: { params: Record<string, unknown> }[] })
        .versions[0]?.params,
      lateListFineFen: 2000,
    };
    await call('post', '/policies/invitations.joint-events/versions', 'gm')
      .send({ version: 'v2', effectiveFrom: t.clock.now().toISOString(), params, reason: 'fine doubled' })
      .expect(201);
    const scheduled = await scheduleEvent('2026-12-20', 'afternoon').expect(201);
    const second = scheduled.body.jointEventId as string;
    expect(scheduled.body.state).toMatchObject({ policyVersion: 'v2', windowOpensOn: '2026-12-13' });
    await setClock('2026-12-13 19:00:00');
    const fines = await eventually(async () => {
      const res = await call('get', '/penalty-ledger', 'analyst').expect(200);
      const ofSecond = (res.body as { jointEventId: string }[]).filter((f) => f.jointEventId === second);
      // both daily lists and BU2's planned list for the next day
      return ofSecond.length === 3 ? ofSecond : undefined;
    }, 'the missing-list fines of the second event');
    expect(fines).toEqual([
      expect.objectContaining({ amountFen: '2000', policyVersion: 'v2' }),
      expect.objectContaining({ amountFen: '2000', policyVersion: 'v2' }),
      expect.objectContaining({ amountFen: '2000', policyVersion: 'v2' }),
    ]);
    const earlier = await call('get', `/penalty-ledger?bu=bu-2`, 'analyst').expect(200);
    expect(
      (earlier.body as { jointEventId: string; policyVersion: string; amountFen: string }[]).filter(
        (f) => f.jointEventId === jointEventId && f.policyVersion === 'v1' && f.amountFen === '1000',
      ).length,
    ).toBeGreaterThan(0);
  });
});
