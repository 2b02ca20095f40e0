import request from 'supertest';
import type { Server } from 'node:http';
import { DEFAULT_COMPLAINTS_POLICY } from '@crm/complaints-domain';
import { DEFAULT_WORKING_CALENDAR_PARAMS } from '@crm/policy';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';

jest.setTimeout(120_000);

describe('complaints rules as versioned policy data (real PostgreSQL)', () => {
  let t: ComplaintsTestApp;
  let server: Server;
  let agent: string;
  let gm: string;

  const adopt = (version: string, params: unknown, effectiveFrom: string) =>
    request(server)
      .post('/policies/complaints.rules/versions')
      .set('Authorization', `Bearer ${gm}`)
      .send({ version, effectiveFrom, params, reason: 'test' });

  const registerGrievance = () =>
    request(server).post('/cases').set('Authorization', `Bearer ${agent}`).send({
      kind: 'grievance',
      channel: 'visit',
      customerId: 'cust-1',
      subject: 'rude answer',
      description: 'seen by the floor manager',
      concernedEmployeeId: 'emp-9',
      concernedBu: 'bu-1',
    });

  const finesOf = async (caseId: string) => {
    const res = await request(server)
      .get(`/cases/${caseId}`)
      .set('Authorization', `Bearer ${agent}`)
      .expect(200);
    return (res.body.fines as { amountFen: number; policyVersion: string; rule: string }[]).map((f) => [
      f.rule,
      f.amountFen,
      f.policyVersion,
    ]);
  };

  beforeAll(async () => {
    t = await startComplaintsTestApp('2025-09-30T02:00:00Z');
    server = t.app.getHttpServer() as Server;
    agent = await t.token({ sub: 'agent-1', roles: ['cs_agent'], bu: 'bu-cs' });
    gm = await t.token({ sub: 'gm-1', roles: ['gm'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a version adopted by the GM governs later decisions, which record it; earlier ones keep theirs', async () => {
    const before = await registerGrievance().expect(201);
    expect(await finesOf(before.body.caseId as string)).toEqual([['CMP-30', 10_000, 'v1']]);

    const v2 = {
      ...DEFAULT_COMPLAINTS_POLICY,
      fines: { ...DEFAULT_COMPLAINTS_POLICY.fines, grievanceFen: 20_000 },
    };
    await adopt('v2', v2, '2025-09-30T02:00:00Z').expect(201);
    t.clock.set('2025-09-30T03:00:00Z');
    const after = await registerGrievance().expect(201);
    expect(await finesOf(after.body.caseId as string)).toEqual([['CMP-30', 20_000, 'v2']]);
    expect(await finesOf(before.body.caseId as string)).toEqual([['CMP-30', 10_000, 'v1']]);
  });

  it('a new calendar version (a year added as data, no code change) governs later deadlines', async () => {
    t.clock.set('2026-12-30T02:00:00Z'); // Wed 30 Dec 2026 10:00 Shanghai
    const before = await registerGrievance().expect(201);
    const deadlineOf = async (caseId: string) => {
      const res = await request(server)
        .get(`/cases/${caseId}/explanation`)
        .set('Authorization', `Bearer ${gm}`)
        .expect(200);
      return (res.body.decisions as { type: string; data: { dueAt: string }; calendar?: unknown }[])
        .filter((d) => d.type === 'CaseDeadlineSet')
        .map((d) => ({ dueAt: d.data.dueAt, calendar: d.calendar }));
    };
    expect(await deadlineOf(before.body.caseId as string)).toEqual([
      {
        dueAt: '2027-01-05T02:00:00.000Z', // 1 Jan 2027 is a statutory holiday: provisional
        calendar: {
          calendarVersion: 'v1',
          calendarIncomplete: true,
          missingYears: [2027],
          provisional: true,
        },
      },
    ]);
    // A made-up 2027 year for the test (1 and 4 January off), not the official notice.
    const year2027 = {
      year: 2027,
      source: 'test fixture',
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-04', name: '元旦' },
      ],
      makeupWorkdays: [],
    };
    const v2 = {
      ...DEFAULT_WORKING_CALENDAR_PARAMS,
      years: [...DEFAULT_WORKING_CALENDAR_PARAMS.years, year2027],
    };
    await request(server)
      .post('/policies/calendar.working-days/versions')
      .set('Authorization', `Bearer ${gm}`)
      .send({ version: 'v2', effectiveFrom: '2026-12-30T02:00:00Z', params: v2, reason: '2027 notice' })
      .expect(201);
    const after = await registerGrievance().expect(201);
    expect(await deadlineOf(after.body.caseId as string)).toEqual([
      {
        dueAt: '2027-01-06T02:00:00.000Z', // 4 Jan is off too in the adopted notice
        calendar: { calendarVersion: 'v2', calendarIncomplete: false, missingYears: [], provisional: false },
      },
    ]);
  });

  it('an unusable version in force refuses commands with a named 409, not a 500', async () => {
    await adopt(
      'v3',
      { ...DEFAULT_COMPLAINTS_POLICY, fines: { stack: 'yes' } },
      '2025-09-30T04:00:00Z',
    ).expect(201);
    t.clock.set('2025-09-30T05:00:00Z');
    const res = await registerGrievance().expect(409);
    expect(res.body).toMatchObject({ code: 'policy.unusable' });
    expect(res.body.details.problems).toEqual(
      expect.arrayContaining(['fines.overdueFen must be a number ≥ 0', 'fines.stack must be a boolean']),
    );
  });
});
