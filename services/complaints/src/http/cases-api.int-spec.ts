import request from 'supertest';
import type { Server } from 'node:http';
import {
  COMPLAINT_NOT_ESTABLISHED,
  COMPLAINT_SETTLEMENT_APPROVED,
  parseComplaintNotEstablishedV1,
  parseComplaintSettlementApprovedV1,
} from '@crm/complaints-contracts';
import { deterministicUuid } from '@crm/event-sourcing';
import {
  aCustomerRegistered,
  CustomerDirectoryReader,
  customerEventEnvelope,
  publishCustomerEvent,
} from '@crm/customers-directory-replica';
import { EventPipeline } from '@crm/nest';
import { DurableTimers } from '@crm/policy';
import { eventually } from '@crm/testing';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';

jest.setTimeout(120_000);

/** Every status this API answered in this file: bad input must never produce a 500. */
const seen: number[] = [];

describe('cases API (real PostgreSQL + Kafka)', () => {
  let t: ComplaintsTestApp;
  let server: Server;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post', path: string, who = 'agent', body?: unknown) => {
    const req = request(server)
      [method](path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`);
    const sent = body !== undefined ? req.send(body as object) : req;
    return sent.on('response', (res: { status: number }) => seen.push(res.status));
  };

  const register = (body: Record<string, unknown> = {}) =>
    call('post', '/cases', 'agent', {
      kind: 'complaint',
      channel: 'hotline',
      customerId: 'cust-42',
      subject: 'scratched table',
      description: 'delivered with a deep scratch',
      concernedEmployeeId: 'emp-9',
      concernedBu: 'bu-1',
      ...body,
    });

  /** A complaint taken to an approved resolution: apology + 300 yuan allowance. */
  const approvedCase = async (): Promise<string> => {
    const { body } = await register().expect(201);
    const id = body.caseId as string;
    await call('post', `/cases/${id}/classify`, 'agent', { cause: 'product_quality' }).expect(200);
    await call('post', `/cases/${id}/assign`, 'csm', {
      handlerId: 'handler-1',
      responsibleBu: 'bu-1',
    }).expect(200);
    await call('post', `/cases/${id}/investigation`, 'handler', { findings: 'courier damage' }).expect(200);
    await call('post', `/cases/${id}/resolution`, 'handler', {
      items: [
        { itemId: 'apology', kind: 'apology', description: 'letter', amountFen: 0 },
        { itemId: 'allow', kind: 'allowance', description: 'price allowance', amountFen: 30_000 },
      ],
    }).expect(200);
    await call('post', `/cases/${id}/resolution/approval`, 'csm').expect(200);
    return id;
  };

  beforeAll(async () => {
    t = await startComplaintsTestApp('2025-09-30T02:00:00Z');
    server = t.app.getHttpServer() as Server;
    tokens['agent'] = await t.token({ sub: 'agent-1', roles: ['cs_agent'], bu: 'bu-cs' });
    tokens['csm'] = await t.token({ sub: 'csm-1', roles: ['cs_manager'], bu: 'bu-cs' });
    tokens['bum'] = await t.token({ sub: 'bum-1', roles: ['bu_manager'], bu: 'bu-1' });
    tokens['gm'] = await t.token({ sub: 'gm-1', roles: ['gm'] });
    tokens['handler'] = await t.token({ sub: 'handler-1', roles: ['staff'], bu: 'bu-1' });
    tokens['concerned'] = await t.token({ sub: 'emp-9', roles: ['staff'], bu: 'bu-1' });
    tokens['auditor'] = await t.token({ sub: 'aud-1', roles: ['auditor'] });
    tokens['analyst'] = await t.token({ sub: 'ana-1', roles: ['analyst'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  afterAll(() => {
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  it('registers with 201 and a YYMM-NNNN number; the registering agent is the accountable receiver', async () => {
    const { body } = await register().expect(201);
    expect(body).toEqual({ caseId: expect.any(String), number: expect.stringMatching(/^2509-\d{4}$/) });
    const got = await call('get', `/cases/${body.caseId as string}`).expect(200);
    expect(got.body).toMatchObject({
      status: 'registered',
      receiverId: 'agent-1',
      dueAt: '2025-10-11T02:00:00.000Z',
    });
  });

  it("without a named employee, the case concerns the customer's owner from the customers directory", async () => {
    const customer = aCustomerRegistered({ ownerBu: 'bu-7', ownerEmployeeId: 'e-77' });
    const producer = t.kafka.producer();
    await producer.connect();
    await publishCustomerEvent(producer, t.config.CUSTOMERS_TOPIC, customerEventEnvelope(customer));
    await producer.disconnect();
    const directory = t.app.get(CustomerDirectoryReader);
    await eventually(() => directory.get(customer.customerId), 'the customer in the directory replica');
    const { body } = await register({
      customerId: customer.customerId,
      concernedEmployeeId: undefined,
      concernedBu: undefined,
    }).expect(201);
    const got = await call('get', `/cases/${body.caseId as string}`).expect(200);
    expect(got.body).toMatchObject({ concernedBu: 'bu-7', concernedEmployeeId: 'e-77' });
  });

  it('refuses a reply with an unapproved item: 422 problem+json naming CMP-APR-04', async () => {
    const id = await approvedCase();
    const res = await call('post', `/cases/${id}/reply`, 'handler', {
      itemIds: ['apology', 'refund'],
      message: 'we refund you',
    }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'case.reply_unapproved_item', rule: 'CMP-APR-04' });
  });

  it('the employee complained about may not handle, approve or survey (422 CMP-INT-11)', async () => {
    const { body } = await register().expect(201);
    const id = body.caseId as string;
    await call('post', `/cases/${id}/classify`, 'agent', { cause: 'attitude' }).expect(200);
    const res = await call('post', `/cases/${id}/assign`, 'csm', {
      handlerId: 'emp-9',
      responsibleBu: 'bu-1',
    }).expect(422);
    expect(res.body).toMatchObject({ rule: 'CMP-INT-11' });
  });

  it('an accepted allowance reaches Kafka as ComplaintSettlementApproved, parsed by the contract', async () => {
    const id = await approvedCase();
    await call('post', `/cases/${id}/reply`, 'handler', {
      itemIds: ['apology', 'allow'],
      message: 'sorry',
    }).expect(200);
    const accepted = await call('post', `/cases/${id}/acceptance`, 'agent').expect(200);
    expect(accepted.body.events).toEqual(['CustomerAccepted', 'SettlementApproved']);
    const envelope = await eventually(
      async () =>
        t.published.find((e) => e.type === COMPLAINT_SETTLEMENT_APPROVED && e.data['caseId'] === id),
      'settlement on the topic',
    );
    expect(parseComplaintSettlementApprovedV1(envelope.data)).toMatchObject({
      caseId: id,
      customerId: 'cust-42',
      kind: 'allowance',
      amountFen: 30_000,
      approvedBy: 'csm-1',
      policyVersion: 1,
    });

    // Follow-up, close, archive; then the monthly statistics and the explanation show it.
    await call('post', `/cases/${id}/close`, 'agent').expect(422);
    await call('post', `/cases/${id}/follow-up`, 'concerned', { satisfaction: 4 }).expect(422);
    await call('post', `/cases/${id}/follow-up`, 'agent', { satisfaction: 4 }).expect(200);
    t.clock.set('2025-10-09T08:00:00Z');
    await call('post', `/cases/${id}/close`, 'agent').expect(200);
    const archived = await call('post', `/cases/${id}/archive`, 'csm').expect(200);
    expect(archived.body.status).toBe('archived');
    const got = await call('get', `/cases/${id}`).expect(200);
    expect(got.body).toMatchObject({ status: 'archived', retainUntil: '2026-10-09T08:00:00.000Z' });

    const explanation = await call('get', `/cases/${id}/explanation`, 'auditor').expect(200);
    const decisions = explanation.body.decisions as {
      type: string;
      rule?: string;
      calendar?: unknown;
      policyVersion?: string;
    }[];
    expect(decisions.find((d) => d.type === 'CaseDeadlineSet')).toMatchObject({
      rule: 'CMP-SLA-03',
      policyVersion: 'v1',
      calendar: { calendarVersion: 'v1', calendarIncomplete: false, missingYears: [] },
    });
    expect(decisions.find((d) => d.type === 'ResolutionApproved')).toMatchObject({
      rule: 'CMP-APR-07',
      policyVersion: 'v1',
    });
    expect(decisions.map((d) => d.type)).toEqual(
      expect.arrayContaining([
        'CaseRegistered',
        'SeverityAssessed',
        'CaseClassified',
        'CaseAssigned',
        'CaseClosed',
        'CaseArchived',
      ]),
    );

    await t.app.get(EventPipeline).caughtUp();
    t.clock.set('2025-11-05T02:00:00Z');
    const stats = await call('get', '/read-models/monthly-statistics', 'analyst').expect(200);
    expect(stats.body.from).toBe('2025-09-30T16:00:00.000Z'); // 1 Oct 00:00 Shanghai
    expect(stats.body.total).toMatchObject({ cases: 1, onTimeRate: 1, meanSatisfaction: 4 });
    expect(stats.body.by.cause).toEqual([expect.objectContaining({ key: 'product_quality', cases: 1 })]);
    const half = await call('get', '/read-models/half-year-summary?year=2025&half=2', 'analyst').expect(200);
    expect(half.body.total).toMatchObject({ cases: 1 });
    const repeat = await call('get', '/read-models/repeat-complainants', 'analyst').expect(200);
    expect(repeat.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ customer_id: 'cust-42', subjects: ['scratched table'] }),
      ]),
    );
    t.clock.set('2025-09-30T02:00:00Z');
  });

  it('rejected replies escalate handler → BU manager → GM, then open a linked case; the original stays', async () => {
    const id = await approvedCase();
    const replyAndReject = async () => {
      await call('post', `/cases/${id}/reply`, 'handler', { itemIds: ['apology'], message: 'sorry' }).expect(
        200,
      );
      return call('post', `/cases/${id}/rejection`, 'agent', { reason: 'not enough' }).expect(200);
    };
    const reapprove = async (approver: string) => {
      await call('post', `/cases/${id}/resolution`, 'handler', {
        items: [{ itemId: 'apology', kind: 'apology', description: 'visit', amountFen: 0 }],
      }).expect(200);
      await call('post', `/cases/${id}/resolution/approval`, 'csm').expect(approver === 'csm' ? 200 : 403);
      if (approver !== 'csm') await call('post', `/cases/${id}/resolution/approval`, approver).expect(200);
    };
    expect((await replyAndReject()).body).toMatchObject({ status: 'investigated' });
    await reapprove('bum'); // the BU manager's level now: a cs_manager may no longer approve
    expect((await replyAndReject()).body).toMatchObject({ status: 'investigated' });
    await reapprove('gm');
    const linked = await replyAndReject();
    expect(linked.body).toMatchObject({
      status: 'replied',
      linkedCaseId: expect.any(String),
      linkedCaseNumber: expect.stringMatching(/^2509-\d{4}$/),
    });
    const original = await call('get', `/cases/${id}`).expect(200);
    expect(original.body).toMatchObject({
      status: 'replied',
      escalationLevel: 'gm',
      linkedCaseIds: [linked.body.linkedCaseId],
    });
    const copy = await call('get', `/cases/${linked.body.linkedCaseId as string}`).expect(200);
    expect(copy.body).toMatchObject({
      status: 'registered',
      linkedFrom: id,
      customerId: 'cust-42',
      severity: 'major',
    });
  });

  it('as of a past instant, the case is as it was then', async () => {
    const id = await approvedCase();
    const before = new Date();
    await new Promise((r) => setTimeout(r, 20));
    await call('post', `/cases/${id}/reply`, 'handler', { itemIds: ['apology'], message: 'sorry' }).expect(
      200,
    );
    const then = await call('get', `/cases/${id}?asOf=${before.toISOString()}`).expect(200);
    const now = await call('get', `/cases/${id}`).expect(200);
    expect([then.body.status, now.body.status]).toEqual(['resolution_approved', 'replied']);
  });

  it('a complaint found not established is published for the credit service', async () => {
    const { body } = await register({ customerId: 'cust-77' }).expect(201);
    const id = body.caseId as string;
    await call('post', `/cases/${id}/not-established`, 'csm', { reason: 'delivery was on time' }).expect(200);
    const envelope = await eventually(
      async () => t.published.find((e) => e.type === COMPLAINT_NOT_ESTABLISHED && e.data['caseId'] === id),
      'not-established on the topic',
    );
    expect(parseComplaintNotEstablishedV1(envelope.data)).toMatchObject({
      caseId: id,
      customerId: 'cust-77',
    });
  });

  it('a cs_manager extends a complaint once to 7 working days on the holiday calendar', async () => {
    const { body } = await register().expect(201);
    const id = body.caseId as string;
    await call('post', `/cases/${id}/deadline-extension`, 'handler', { reason: 'needs a site visit' }).expect(
      403,
    );
    await call('post', `/cases/${id}/deadline-extension`, 'csm', { reason: 'needs a site visit' }).expect(
      200,
    );
    const res = await call('post', `/cases/${id}/deadline-extension`, 'csm', { reason: 'again' }).expect(422);
    expect(res.body).toMatchObject({ code: 'case.extension_used', rule: 'CMP-SLA-03' });
    // 30 Sep 10:00 + 63 working hours: 8 h, then 9, 10, 11 (Sat, make-up), 13, 14, 15 Oct, 1 h on 16 Oct.
    const got = await call('get', `/cases/${id}`).expect(200);
    expect(got.body.dueAt).toBe('2025-10-16T02:00:00.000Z');
    // The new deadline's timer was scheduled in the same transaction as the extension.
    const timer = await t.app
      .get(DurableTimers)
      .get(deterministicUuid('case-deadline', id, got.body.dueAt, 'due'));
    expect(timer).toMatchObject({ status: 'scheduled', dueAt: new Date('2025-10-16T02:00:00.000Z') });
  });

  it('bad input is a 4xx problem, never a 500', async () => {
    await request(server).post('/cases').send({}).expect(401);
    await call('post', '/cases', 'analyst', {}).expect(403);
    const invalid = await call('post', '/cases', 'agent', {
      kind: 'rant',
      channel: 'pigeon',
      amount: 1,
    }).expect(400);
    expect(invalid.body).toMatchObject({ status: 400, code: 'validation_failed' });
    await register({ kind: 'suggestion' }).expect(400);
    await register({ promisedBy: 'tomorrow' }).expect(400);
    await register({ concernedEmployeeId: undefined, concernedBu: undefined, customerId: 'nobody' }).expect(
      400,
    );
    await call('get', '/cases/00000000-0000-4000-8000-000000000000').expect(404);
    await call('get', '/cases/not-a-case/explanation', 'auditor').expect(404);
    await call('get', '/cases/x?asOf=yesterday').expect(400);
    await call('post', '/cases/00000000-0000-4000-8000-000000000000/close', 'agent').expect(404);
    const { body } = await register().expect(201);
    await call('post', `/cases/${body.caseId as string}/archive`, 'csm').expect(409);
    await call('post', `/cases/${body.caseId as string}/resolution`, 'handler', {
      items: [{ itemId: 1 }],
    }).expect(400);
    await call('post', `/cases/${body.caseId as string}/follow-up`, 'agent', { satisfaction: 9 }).expect(400);
    await call('get', '/read-models/half-year-summary?year=2025&half=3', 'analyst').expect(400);
  });

  it('/health warns while next year has no holiday data (calendarIncomplete)', async () => {
    t.clock.set('2026-11-22T04:00:00Z');
    const res = await request(server).get('/health');
    t.clock.set('2025-09-30T02:00:00Z');
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([
      expect.stringContaining('calendarIncomplete: no holiday data for 2027'),
    ]);
  });
});
