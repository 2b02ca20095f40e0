import request from 'supertest';
import type { Server } from 'node:http';
import { deterministicUuid } from '@crm/event-sourcing';
import { DEFAULT_WORKING_CALENDAR_PARAMS, DurableTimers } from '@crm/policy';
import { eventually } from '@crm/testing';
import { DUE_TIMER } from '../application/deadline-timers';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';

jest.setTimeout(120_000);

type Decision = { type: string; data: Record<string, unknown>; calendar?: unknown };

describe('a year without an adopted calendar, then its adoption (real PostgreSQL + Kafka)', () => {
  let t: ComplaintsTestApp;
  let server: Server;
  let agent: string;
  let admin: string;
  let gm: string;

  const register = (subject: string) =>
    request(server)
      .post('/cases')
      .set('Authorization', `Bearer ${agent}`)
      .send({
        kind: 'complaint',
        channel: 'hotline',
        customerId: `cust-${subject}`,
        subject,
        description: 'd',
        concernedEmployeeId: 'emp-9',
        concernedBu: 'bu-1',
      })
      .expect(201)
      .then((res) => res.body.caseId as string);
  const caseOf = async (caseId: string) =>
    (await request(server).get(`/cases/${caseId}`).set('Authorization', `Bearer ${agent}`).expect(200))
      .body as Record<string, unknown> & { dueAt: string; fines: unknown[]; overdueFor: string[] };
  const decisions = async (caseId: string): Promise<Decision[]> =>
    (
      await request(server)
        .get(`/cases/${caseId}/explanation`)
        .set('Authorization', `Bearer ${gm}`)
        .expect(200)
    ).body.decisions as Decision[];

  beforeAll(async () => {
    t = await startComplaintsTestApp('2026-12-30T02:00:00Z'); // Wed 30 Dec 2026 10:00 Shanghai
    server = t.app.getHttpServer() as Server;
    agent = await t.token({ sub: 'agent-1', roles: ['cs_agent'], bu: 'bu-cs' });
    admin = await t.token({ sub: 'admin-1', roles: ['admin'] });
    gm = await t.token({ sub: 'gm-1', roles: ['gm'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('2026-12-30 10:00 → Tue 2027-01-05 10:00 (provisional); adopting 2027 recomputes the open case and moves its timers', async () => {
    const caseId = await register('fallback');
    const before = await caseOf(caseId);
    // 8 h on 30 Dec, 9 h on 31 Dec, 1 Jan 2027 (元旦, statutory) off, weekend, 9 h on 4 Jan, 1 h on 5 Jan.
    expect(before.dueAt).toBe('2027-01-05T02:00:00.000Z');
    expect(before['deadline']).toMatchObject({
      basis: 'working_days',
      calendar: { calendarVersion: 'v1', missingYears: [2027], provisional: true },
    });
    const health = await request(server).get('/health').expect(200);
    expect(health.body.warnings).toEqual([expect.stringContaining('no holiday data for 2027')]);

    const statutory = await request(server)
      .get('/calendar/years/2027')
      .set('Authorization', `Bearer ${agent}`)
      .expect(200);
    expect(statutory.body).toMatchObject({ year: 2027, adopted: false, calendarVersion: 'v1' });
    expect(statutory.body.days).toContainEqual({ name: '春节', date: '2027-02-06', isOffDay: true });

    // The case must be in the read model the adoption walks.
    await eventually(async () => {
      const q = await request(server).get('/queue').set('Authorization', `Bearer ${agent}`).expect(200);
      return (q.body.items as { caseId: string }[]).some((i) => i.caseId === caseId) ? true : undefined;
    }, 'the case in the queue');

    // A made-up notice for the test: 1 Jan off, and Mon 4 Jan off as well.
    const adopted = await request(server)
      .put('/calendar/years/2027')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        year: 2027,
        source: 'test fixture',
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '元旦', date: '2027-01-04', isOffDay: true },
        ],
      })
      .expect(200);
    expect(adopted.body).toEqual({ calendarVersion: 'v2', previousVersion: 'v1', recomputedCases: 1 });

    const after = await caseOf(caseId);
    expect(after.dueAt).toBe('2027-01-06T02:00:00.000Z');
    const recomputed = (await decisions(caseId)).find((d) => d.type === 'CaseDeadlineRecomputed');
    expect(recomputed?.data).toMatchObject({
      previousDueAt: '2027-01-05T02:00:00.000Z',
      dueAt: '2027-01-06T02:00:00.000Z',
      reason: 'calendar_adopted',
      previousCalendar: { calendarVersion: 'v1', provisional: true },
      calendar: { calendarVersion: 'v2', provisional: false, missingYears: [] },
    });
    const timers = t.app.get(DurableTimers);
    const movedTimer = deterministicUuid('case-deadline', caseId, '2027-01-06T02:00:00.000Z', 'due');
    expect(await timers.get(movedTimer)).toMatchObject({ kind: DUE_TIMER, status: 'scheduled' });
    expect((await request(server).get('/health').expect(200)).body.warnings ?? []).toEqual([]);

    // The old deadline passes: its timer fires and decides nothing; the case is not overdue.
    t.clock.set('2027-01-05T02:30:00Z');
    const oldTimer = deterministicUuid('case-deadline', caseId, '2027-01-05T02:00:00.000Z', 'due');
    await eventually(
      async () => ((await timers.get(oldTimer))?.status === 'scheduled' ? undefined : true),
      'the old due timer fired',
    );
    expect((await caseOf(caseId)).overdueFor).toEqual([]);
  });

  it('an overdue timer re-checks on the calendar in force: no fine on a deadline the adopted calendar moved', async () => {
    t.clock.set('2027-12-29T02:00:00Z'); // Wed 29 Dec 2027 10:00; 2028 has no adopted notice
    const caseId = await register('recheck');
    // 8 + 9 + 9 h to Fri 31 Dec, Sat 1 Jan 2028 (元旦) is a weekend anyway, 1 h on Mon 3 Jan.
    expect((await caseOf(caseId)).dueAt).toBe('2028-01-03T02:00:00.000Z');
    // 2028 adopted through the generic policy endpoint, which recomputes nothing by itself.
    const year2027 = {
      year: 2027,
      source: 'test fixture',
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-04', name: '元旦' },
      ],
      makeupWorkdays: [],
    };
    const year2028 = {
      year: 2028,
      source: 'test fixture',
      holidays: [{ date: '2028-01-03', name: '元旦' }],
      makeupWorkdays: [],
    };
    await request(server)
      .post('/policies/calendar.working-days/versions')
      .set('Authorization', `Bearer ${gm}`)
      .send({
        version: 'v3',
        effectiveFrom: '2027-12-29T02:00:00Z',
        params: {
          ...DEFAULT_WORKING_CALENDAR_PARAMS,
          years: [...DEFAULT_WORKING_CALENDAR_PARAMS.years, year2027, year2028],
        },
        reason: '2028 notice',
      })
      .expect(201);
    expect((await caseOf(caseId)).dueAt).toBe('2028-01-03T02:00:00.000Z');

    t.clock.set('2028-01-03T02:30:00Z');
    const moved = await eventually(async () => {
      const c = await caseOf(caseId);
      return c.dueAt === '2028-01-04T02:00:00.000Z' ? c : undefined;
    }, 'the overdue timer recomputes the deadline');
    expect(moved.overdueFor).toEqual([]);
    expect(moved.fines).toEqual([]);
    const recomputed = (await decisions(caseId)).filter((d) => d.type === 'CaseDeadlineRecomputed');
    expect(recomputed.map((d) => d.data)).toEqual([
      expect.objectContaining({
        reason: 'overdue_recheck',
        previousCalendar: expect.objectContaining({ calendarVersion: 'v2', provisional: true }),
        calendar: expect.objectContaining({ calendarVersion: 'v3', provisional: false }),
      }),
    ]);
  });
});
