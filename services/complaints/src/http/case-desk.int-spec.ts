import request from 'supertest';
import type { Server } from 'node:http';
import { eventually } from '@crm/testing';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';

jest.setTimeout(120_000);

type QueueItem = {
  caseId: string;
  kind: string;
  severity: string;
  deadlineState: string;
  remainingWorkingMinutes: number | null;
  receivedAt: string;
  provisional: boolean;
};

describe('the complaints desk: receipt time and queues (real PostgreSQL + Kafka)', () => {
  let t: ComplaintsTestApp;
  let server: Server;
  const tokens: Record<string, string> = {};

  const register = (body: Record<string, unknown>, who = 'agent') =>
    request(server)
      .post('/cases')
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send({
        kind: 'complaint',
        channel: 'hotline',
        customerId: 'cust-1',
        subject: `subject ${Math.random()}`,
        description: 'd',
        concernedEmployeeId: 'emp-9',
        concernedBu: 'bu-1',
        ...body,
      });
  const queue = async (who: string, query = '') =>
    (await request(server).get(`/queue${query}`).set('Authorization', `Bearer ${tokens[who]}`).expect(200))
      .body as { items: QueueItem[]; total: number };

  beforeAll(async () => {
    t = await startComplaintsTestApp('2026-03-09T02:00:00Z'); // Mon 9 Mar 2026 10:00 Shanghai
    server = t.app.getHttpServer() as Server;
    tokens['agent'] = await t.token({ sub: 'agent-1', roles: ['cs_agent'], bu: 'bu-cs' });
    tokens['agent2'] = await t.token({ sub: 'agent-2', roles: ['cs_agent'], bu: 'bu-cs' });
    tokens['csm'] = await t.token({ sub: 'csm-1', roles: ['cs_manager'], bu: 'bu-cs' });
    tokens['bum2'] = await t.token({ sub: 'bum-2', roles: ['bu_manager'], bu: 'bu-2' });
    tokens['handler'] = await t.token({ sub: 'handler-1', roles: ['staff'], bu: 'bu-1' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a phone complaint received on Saturday and entered on Monday counts from Saturday', async () => {
    const saturday = '2026-03-07T07:00:00.000Z'; // Sat 7 Mar 15:00
    const res = await register({ receivedAt: '2026-03-07T15:00:00+08:00' }).expect(201);
    const c = await request(server)
      .get(`/cases/${res.body.caseId as string}`)
      .set('Authorization', `Bearer ${tokens['agent']}`)
      .expect(200);
    // The clock starts Mon 09:00, not at the 10:00 entry: 3 × 9 h → Wed 11 Mar 18:00.
    expect(c.body).toMatchObject({
      receivedAt: saturday,
      registeredAt: '2026-03-09T02:00:00.000Z',
      receiverId: 'agent-1',
      dueAt: '2026-03-11T10:00:00.000Z',
      deadline: { from: saturday, basis: 'working_days' },
    });
    const entered = await register({}).expect(201);
    const plain = await request(server)
      .get(`/cases/${entered.body.caseId as string}`)
      .set('Authorization', `Bearer ${tokens['agent']}`)
      .expect(200);
    expect(plain.body).toMatchObject({
      receivedAt: '2026-03-09T02:00:00.000Z',
      dueAt: '2026-03-12T02:00:00.000Z',
    });
  });

  it('a receivedAt in the future or older than the window → 422 naming the field, nothing written', async () => {
    const future = await register({ receivedAt: '2026-03-09T10:05:00+08:00' }).expect(422);
    expect(future.headers['content-type']).toContain('application/problem+json');
    expect(future.body).toMatchObject({ code: 'case.received_in_future', details: { field: 'receivedAt' } });
    const old = await register({ receivedAt: '2026-03-01T09:00:00+08:00' }).expect(422);
    expect(old.body).toMatchObject({
      code: 'case.received_too_old',
      details: { field: 'receivedAt', windowDays: 7 },
    });
    const malformed = await register({ receivedAt: 'saturday' }).expect(400);
    expect(JSON.stringify(malformed.body)).toContain('receivedAt');
    const counts = await t.pool.query(
      `SELECT count(*)::int AS n FROM ${t.config.SCHEMA}.events WHERE type = 'CaseRegistered'`,
    );
    expect(counts.rows[0].n).toBe(2);
  });

  it('each role sees its queue with the working-time countdown; filters narrow it', async () => {
    await register({ kind: 'grievance', channel: 'visit', concernedBu: 'bu-2' }, 'agent2').expect(201);
    await eventually(
      async () => ((await queue('csm')).total === 3 ? true : undefined),
      'three cases projected',
    );

    const mine = await queue('agent');
    expect(mine.total).toBe(2);
    // Now Mon 10:00; the Saturday case is due Wed 18:00: 8 + 9 + 9 working hours left.
    expect(mine.items[0]).toMatchObject({
      deadlineState: 'on_track',
      remainingWorkingMinutes: 26 * 60,
      provisional: false,
    });
    expect((await queue('agent2')).items.map((i) => i.kind)).toEqual(['grievance']);
    expect((await queue('bum2')).items.map((i) => i.kind)).toEqual(['grievance']);
    expect((await queue('handler')).total).toBe(0);
    expect((await queue('csm', '?kind=grievance')).total).toBe(1);
    expect((await queue('csm', '?bu=bu-1&severity=general&status=registered')).total).toBe(2);
    await request(server)
      .get('/queue?kind=praise')
      .set('Authorization', `Bearer ${tokens['csm']}`)
      .expect(400);

    // Wed 11 Mar 15:00: 3 working hours before the first deadline → warning; Thu: overdue.
    t.clock.set('2026-03-11T07:00:00Z');
    expect((await queue('agent')).items[0]).toMatchObject({
      deadlineState: 'warning',
      remainingWorkingMinutes: 180,
    });
    t.clock.set('2026-03-12T02:00:00Z');
    expect((await queue('agent')).items[0]).toMatchObject({
      deadlineState: 'overdue',
      remainingWorkingMinutes: -60,
    });
  });
});
