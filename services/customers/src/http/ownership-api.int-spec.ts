import request from 'supertest';
import type { Server } from 'node:http';
import { seededDraw } from '@crm/customers-domain';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';
import { FactPublisher } from '../testing/kafka-facts';
import { customerHistory, ofType } from '../testing/customer-stream';
import { eventually } from '@crm/testing';

jest.setTimeout(120_000);

/** Every status this file saw: bad input must never produce a 500. */
const seen: number[] = [];

describe('staff directory, redistribution, disputes and the ownership explanation (real PostgreSQL + Kafka)', () => {
  let t: CustomersTestApp;
  let server: Server;
  let gm: string;
  let director: string;
  let e001: string;
  let e201: string;
  let mobileSeq = 0;

  const call = (method: 'get' | 'post', path: string, token: string, body?: object) => {
    const req = request(server)[method](path).set('Authorization', `Bearer ${token}`);
    const sent = body !== undefined ? req.send(body) : req;
    return sent.on('response', (res: { status: number }) => seen.push(res.status));
  };

  const register = async (token: string): Promise<string> => {
    const mobile = `135${String(Date.now() % 1e4).padStart(4, '0')}${String(mobileSeq++).padStart(4, '0')}`;
    const res = await call('post', '/customers', token, { name: '张三', mobile, source: 'phone' }).expect(
      201,
    );
    return res.body.customerId as string;
  };

  beforeAll(async () => {
    t = await startCustomersTestApp();
    server = t.app.getHttpServer() as Server;
    gm = await t.token({ sub: 'gm-1', roles: ['gm'], bu: undefined });
    director = await t.token({ sub: 'd-1', roles: ['resource_director'], bu: undefined });
    e001 = await t.token({ sub: 'e-001', bu: 'bu-1', roles: ['staff'] });
    e201 = await t.token({ sub: 'e-201', bu: 'bu-2', roles: ['staff'] });
    for (const buId of ['bu-1', 'bu-2']) {
      await call('post', '/staff/business-units', gm, { buId, name: `事业部 ${buId}` }).expect(201);
    }
    for (const [employeeId, bu] of [
      ['e-001', 'bu-1'],
      ['e-002', 'bu-1'],
      ['e-003', 'bu-1'],
      ['e-201', 'bu-2'],
    ]) {
      await call('post', '/staff', gm, { employeeId, bu, displayName: `员工 ${employeeId}` }).expect(201);
    }
  });

  afterAll(async () => {
    await t?.close();
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  it('documents every endpoint in OpenAPI and serves health', async () => {
    const docs = await request(server).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths as object)).toEqual(
      expect.arrayContaining([
        '/customers/{customerId}/ownership/explanation',
        '/customers/{customerId}/forget',
        '/customers/{customerId}/points',
        '/staff/{employeeId}/long-leave',
        '/outreach-batches/{batchId}/allocation',
        '/customer-reports/lapse-watch-list',
        '/customer-search',
      ]),
    );
    const health = await request(server).get('/health').expect(200);
    expect(Object.keys(health.body.checks as object)).toEqual(expect.arrayContaining(['timers', 'postgres']));
  });

  it('publishes the staff directory; long leave redraws the customers with a recorded seed that replays', async () => {
    const customers = [
      await register(e001),
      await register(e001),
      await register(e001),
      await register(e001),
    ];
    await t.caughtUp();
    const staff = await call('get', '/staff?bu=bu-1', e001).expect(200);
    expect(staff.body.map((s: { employeeId: string }) => s.employeeId)).toEqual(['e-001', 'e-002', 'e-003']);

    const leave = await call('post', '/staff/e-001/long-leave', gm).expect(200);
    expect(leave.body).toMatchObject({ status: 'long_leave', recorded: ['EmployeeLongLeaveStarted'] });
    const { seed, drawnFrom, assignments } = leave.body.redistribution as {
      seed: string;
      drawnFrom: string[];
      assignments: { customerId: string; employeeId: string }[];
    };
    expect(drawnFrom.sort()).toEqual(['e-002', 'e-003']);
    // An auditor re-running the draw from the recorded facts gets the same hands.
    expect(seededDraw(seed, customers, drawnFrom)).toEqual(assignments);
    expect(assignments.filter((a) => a.employeeId === 'e-002')).toHaveLength(2);

    for (const { customerId, employeeId } of assignments) {
      const [change] = ofType(await customerHistory(t.app, customerId), 'CustomerOwnershipChanged');
      expect(change?.data).toMatchObject({
        fromEmployeeId: 'e-001',
        toBu: 'bu-1',
        toEmployeeId: employeeId,
        reason: 'staff_absence',
        rule: 'ARC-72',
        policyVersion: 'v1',
        decidedBy: 'gm-1',
        basis: { seed, method: 'seeded_draw_round_robin', customers: [...customers].sort() },
      });
    }
    // The draw is recorded once; asking for the hand-out again (after an interruption) changes nothing.
    const redistributionId = leave.body.redistribution.redistributionId as string;
    const resumed = await call('post', `/staff/redistributions/${redistributionId}/hand-out`, gm).expect(200);
    expect(resumed.body).toMatchObject({ seed, assignments });
    for (const { customerId } of assignments) {
      expect(ofType(await customerHistory(t.app, customerId), 'CustomerOwnershipChanged')).toHaveLength(1);
    }
    await call('post', '/staff/redistributions/00000000-0000-4000-8000-000000000000/hand-out', gm).expect(
      404,
    );

    // The other services learn it from Kafka.
    await t.caughtUp();
    const messages = (await new FactPublisher(t.brokers).readAll(t.config.CUSTOMERS_TOPIC, 15)).join('\n');
    expect(messages).toContain('"BusinessUnitOpened"');
    expect(messages).toContain('"StaffMemberJoined"');
    expect(messages).toContain('"type":"StaffMemberStatusChanged"');
    expect(messages).toContain('"change":"long_leave"');
    expect(messages).toContain('"type":"CustomerOwnershipChanged"');
    expect(messages).toContain('"reason":"staff_absence"');

    await call('post', '/staff/e-001/return', gm).expect(200);
    await call('post', '/staff/e-001/return', gm).expect(409);
    await call('post', '/staff/e-404/leave', gm).expect(404);
    await call('post', '/staff/e-002/transfer', gm, { toBu: 'no spaces allowed' }).expect(400);
    await call('post', '/staff', e001, { employeeId: 'e-9', bu: 'bu-1', displayName: 'x' }).expect(403);
    const unknownBu = await call('post', '/staff', gm, {
      employeeId: 'e-9',
      bu: 'bu-404',
      displayName: 'x',
    }).expect(422);
    expect(unknownBu.body).toMatchObject({ code: 'staff.unknown_bu' });
    await call('post', '/staff/e-002/transfer', gm, { toBu: 'bu-404' }).expect(422);
    await call('post', '/staff/business-units', gm, { buId: 'bu-1', name: 'again' }).expect(409);
    await call('post', '/staff/business-units', e001, { buId: 'bu-7', name: 'x' }).expect(403);
    const bus = await call('get', '/staff/business-units', e001).expect(200);
    expect(bus.body.map((b: { buId: string }) => b.buId)).toEqual(['bu-1', 'bu-2']);
  });

  it('keeps posts and e-mail: appoint, relieve, set e-mail; publishes them and the head-office flag', async () => {
    const manager = await t.token({ sub: 'm-1', bu: 'bu-1', roles: ['bu_manager'] });
    await call('post', '/staff', gm, {
      employeeId: 'e-010',
      bu: 'bu-1',
      displayName: '员工 e-010',
      posts: ['staff', 'cs_agent'],
      email: 'e010@example.cn',
    }).expect(201);
    const appointed = await call('post', '/staff/e-010/appoint', manager, { post: 'handler' }).expect(200);
    expect(appointed.body).toEqual({ status: 'active', recorded: ['EmployeeAppointedToPost'] });
    await call('post', '/staff/e-010/appoint', manager, { post: 'handler' })
      .expect(200)
      .expect(({ body }) => expect(body.recorded).toEqual([]));
    await call('post', '/staff/e-010/relieve', gm, { post: 'staff' }).expect(200);
    await call('post', '/staff/e-010/email', manager, { email: 'ten@example.cn' }).expect(200);
    const reserved = await call('post', '/staff/e-010/appoint', manager, { post: 'admin' }).expect(403);
    expect(reserved.body).toMatchObject({ code: 'staff.post_reserved' });
    const other = await t.token({ sub: 'm-2', bu: 'bu-2', roles: ['bu_manager'] });
    await call('post', '/staff/e-010/appoint', other, { post: 'handler' }).expect(403);
    await call('post', '/staff/e-010/appoint', gm, { post: 'emperor' }).expect(400);
    await call('post', '/staff/e-010/email', gm, { email: 'not-an-email' }).expect(400);
    await call('post', '/staff', gm, { employeeId: 'e-011', bu: 'bu-1', displayName: 'x', posts: [] }).expect(
      400,
    );

    await call('post', '/staff/business-units', gm, { buId: 'hq', name: '总部', headOffice: true }).expect(
      201,
    );
    await call('post', '/staff', gm, {
      employeeId: 'hq-cfo',
      bu: 'hq',
      displayName: '财务',
      posts: ['cfo'],
    }).expect(201);
    await t.caughtUp();
    const listed = await call('get', '/staff?bu=bu-1', e001).expect(200);
    expect(listed.body.find((s: { employeeId: string }) => s.employeeId === 'e-010')).toMatchObject({
      posts: ['cs_agent', 'handler'],
      email: 'ten@example.cn',
    });
    const bus = await call('get', '/staff/business-units', e001).expect(200);
    expect(bus.body.find((b: { buId: string }) => b.buId === 'hq')).toMatchObject({ headOffice: true });
    const published = ['"type":"StaffMemberPostsChanged"', '"email":"ten@example.cn"', '"headOffice":true'];
    // Everything relayed is on the topic once caught up; a reader may still see it batch by batch.
    await eventually(async () => {
      const messages = (await new FactPublisher(t.brokers).readAll(t.config.CUSTOMERS_TOPIC, 20)).join('\n');
      return published.every((p) => messages.includes(p)) ? true : undefined;
    }, 'posts, e-mail and the head office on the customers topic');
    await call('post', '/staff/e-010/leave', gm).expect(200);
  });

  it('a dispute goes to the earliest registration; the explanation lists every decision; as-of shows the past', async () => {
    const customerId = await register(e001);
    const beforeRuling = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const claim = {
      claimantBu: 'bu-2',
      claimantEmployeeId: 'e-201',
      claimantRegisteredAt: '2020-06-01T01:00:00.000Z',
      evidence: 'evening-meeting minutes 2020-06-01',
    };
    await call('post', `/customers/${customerId}/ownership/disputes`, e001, claim).expect(403);
    const ruled = await call('post', `/customers/${customerId}/ownership/disputes`, director, claim).expect(
      200,
    );
    expect(ruled.body.recorded).toEqual(['OwnershipDisputeRuled', 'CustomerOwnershipChanged']);

    const explanation = await call('get', `/customers/${customerId}/ownership/explanation`, e201).expect(200);
    expect(explanation.body).toEqual([
      expect.objectContaining({
        decision: 'registered',
        rule: 'ARC-20',
        actor: expect.objectContaining({ id: 'e-001', bu: 'bu-1' }),
        ownerBu: 'bu-1',
      }),
      expect.objectContaining({
        decision: 'dispute_ruled',
        rule: 'ARC-20',
        actor: expect.objectContaining({ id: 'd-1', role: 'resource_director' }),
        basis: expect.objectContaining({ winner: 'claimant', evidence: claim.evidence }),
      }),
      expect.objectContaining({
        decision: 'ownership_changed',
        reason: 'ownership_ruling',
        rule: 'ARC-20',
        policyVersion: 'v1',
        ownerBu: 'bu-2',
        ownerEmployeeId: 'e-201',
      }),
    ]);

    const now = await call('get', `/customers/${customerId}`, e201).expect(200);
    expect(now.body).toMatchObject({ ownerBu: 'bu-2', personalData: { visibility: 'full', name: '张三' } });
    const past = await call(
      'get',
      `/customers/${customerId}?asOf=${beforeRuling.toISOString()}`,
      e201,
    ).expect(200);
    expect(past.body).toMatchObject({ ownerBu: 'bu-1', personalData: { visibility: 'masked', name: '张*' } });
    await call('get', `/customers/${customerId}?asOf=2000-01-01T00:00:00.000Z`, e201).expect(404);
    await call('get', `/customers/${customerId}?asOf=yesterday`, e201).expect(400);
  });

  it('answers bad input with 400/403/404/409/422 problem+json', async () => {
    const customerId = await register(e001);
    const bad = await call('post', `/customers/${customerId}/reassignments`, director, { toBu: '' }).expect(
      400,
    );
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    await call('post', `/customers/${customerId}/reassignments`, e001, {
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'director_decision',
    }).expect(403);
    const notLapsed = await call('post', `/customers/${customerId}/reassignments`, director, {
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'service_lapse',
    }).expect(422);
    expect(notLapsed.body).toMatchObject({ code: 'customer.not_lapsed' });
    await call('post', `/customers/${customerId}/reassignments`, director, {
      toBu: 'bu-1',
      toEmployeeId: 'e-001',
      reason: 'director_decision',
    }).expect(409);
    await call('post', '/customers/00000000-0000-4000-8000-000000000000/reassignments', director, {
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'director_decision',
    }).expect(404);
    const moved = await call('post', `/customers/${customerId}/reassignments`, director, {
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'director_decision',
      note: 'customer asked for a closer branch',
    }).expect(200);
    expect(moved.body.recorded).toEqual(['CustomerOwnershipChanged']);

    // ARC-70: the former owner's BU may neither serve nor classify a customer that has not lapsed.
    const visit = await call('post', `/customers/${customerId}/services`, e001, {
      kind: 'home_visit',
      reference: 'passing by',
    }).expect(403);
    expect(visit.body).toMatchObject({ code: 'customer.not_open_to_bu', rule: 'ARC-70' });
    const classify = await call('post', `/customers/${customerId}/classification`, e001, {
      mode: 'manual',
      tier: 'potential',
    }).expect(403);
    expect(classify.body).toMatchObject({ code: 'customer.not_open_to_bu', rule: 'ARC-70' });

    const redeem = await call('post', `/customers/${customerId}/points/redemptions`, e201, {
      points: 1,
      reference: 'gift',
    }).expect(422);
    expect(redeem.body).toMatchObject({ code: 'customer.points_insufficient', details: { balance: 0 } });
    await call('post', `/customers/${customerId}/points/redemptions`, e201, {
      points: -3,
      reference: 'x',
    }).expect(400);

    const manual = await call('post', `/customers/${customerId}/classification`, e201, {
      mode: 'manual',
      tier: 'important',
    }).expect(200);
    expect(manual.body.recorded).toEqual(['CustomerClassified']);
    await call('post', `/customers/${customerId}/classification`, e201, { mode: 'manual' }).expect(400);
    const byPolicy = await call('post', `/customers/${customerId}/classification`, e201, {
      mode: 'policy',
    }).expect(200);
    expect(byPolicy.body.recorded).toEqual(['CustomerClassified']);
    const tiers = await call('get', `/customers/${customerId}/classifications`, e201).expect(200);
    expect(tiers.body).toEqual([
      expect.objectContaining({
        tier: 'important',
        mode: 'manual',
        actor: expect.objectContaining({ id: 'e-201' }),
      }),
      expect.objectContaining({
        tier: 'potential',
        previousTier: 'important',
        mode: 'policy',
        policyVersion: 'v1',
      }),
    ]);
  });

  it('an employee leaving a BU with no other active staff is recorded; the customers wait undrawn', async () => {
    await t.caughtUp();
    const owned = (await call('get', '/customer-reports/ownership?bu=bu-2', gm).expect(200)).body as {
      employeeId: string;
      customers: number;
    }[];
    expect(owned).toEqual([expect.objectContaining({ employeeId: 'e-201' })]);
    const left = await call('post', '/staff/e-201/leave', gm).expect(200);
    expect(left.body).toMatchObject({
      status: 'left',
      recorded: ['EmployeeLeft'],
      redistribution: { assignments: [] },
    });
    expect(left.body.redistribution.undrawn).toHaveLength(owned[0]?.customers ?? -1);
  });
});
