import request from 'supertest';
import type { Server } from 'node:http';
import { EventPipeline, type WorkItemDto } from '@crm/nest';
import { eventually, tableRows } from '@crm/testing';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';

jest.setTimeout(120_000);

const seen: number[] = [];

describe('complaints work items (real PostgreSQL + Kafka, through HTTP)', () => {
  let t: ComplaintsTestApp;
  let server: Server;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post', path: string, who: string, body?: object) => {
    const req = request(server)
      [method](path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`);
    return (body !== undefined ? req.send(body) : req).on('response', (res: { status: number }) =>
      seen.push(res.status),
    );
  };

  const inbox = async (who: string): Promise<WorkItemDto[]> =>
    (await call('get', '/work-items', who).expect(200)).body.items as WorkItemDto[];

  /** Who sees the case: waits for `expected` to hold the item and checks nobody else has it. */
  const heldBy = async (caseId: string, expected: string | null): Promise<WorkItemDto | undefined> => {
    const holders = async () => {
      const found: [string, WorkItemDto][] = [];
      for (const who of Object.keys(tokens)) {
        const item = (await inbox(who)).find((i) => i.id === `case:${caseId}`);
        if (item !== undefined) found.push([who, item]);
      }
      return found;
    };
    const found = await eventually(
      async () => {
        const now = await holders();
        // Exactly the expected holder: inboxes are read one after another while the item may move.
        const ok = now.map(([who]) => who).join() === (expected ?? '');
        return ok ? now : undefined;
      },
      `case ${caseId} held by ${expected ?? 'nobody'}`,
    );
    expect(found.map(([who]) => who)).toEqual(expected === null ? [] : [expected]);
    return found[0]?.[1];
  };

  beforeAll(async () => {
    t = await startComplaintsTestApp('2025-09-30T02:00:00Z');
    server = t.app.getHttpServer() as Server;
    const claims = {
      agent: { sub: 'agent-1', roles: ['cs_agent'], bu: 'bu-cs' },
      agent2: { sub: 'agent-2', roles: ['cs_agent'], bu: 'bu-cs' },
      csm: { sub: 'csm-1', roles: ['cs_manager'], bu: 'bu-cs' },
      bum: { sub: 'bum-1', roles: ['bu_manager'], bu: 'bu-1' },
      bum2: { sub: 'bum-2', roles: ['bu_manager'], bu: 'bu-2' },
      gm: { sub: 'gm-1', roles: ['gm'] },
      handler: { sub: 'handler-1', roles: ['staff'], bu: 'bu-1' },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await t.token(c);
  });

  afterAll(async () => {
    await t?.close();
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  it('a case goes from its receiver to its handler, to the approver the amount requires, and leaves when closed', async () => {
    const registered = await call('post', '/cases', 'agent', {
      kind: 'complaint',
      channel: 'hotline',
      customerId: 'cust-7',
      subject: 'late delivery',
      description: 'three weeks late',
      concernedEmployeeId: 'emp-9',
      concernedBu: 'bu-1',
    }).expect(201);
    const id = registered.body.caseId as string;
    const detail = await call('get', `/cases/${id}`, 'agent').expect(200);
    const intake = await heldBy(id, 'agent');
    expect(intake).toEqual({
      id: `case:${id}`,
      service: 'complaints',
      kind: 'caseToAssign',
      titleKey: 'workItems.complaints.caseToAssign',
      titleParams: {
        caseId: id,
        caseNumber: registered.body.number,
        caseKind: 'complaint',
        subject: 'late delivery',
        overdue: false,
      },
      dueAt: detail.body.dueAt,
      priority: 'normal',
      link: `/complaints/cases/${id}`,
      category: 'task',
      version: expect.any(Number),
    });
    expect(intake?.dueAt).toEqual(expect.any(String));

    await call('post', `/cases/${id}/classify`, 'agent', { cause: 'product_quality' }).expect(200);
    await call('post', `/cases/${id}/assign`, 'csm', {
      handlerId: 'handler-1',
      responsibleBu: 'bu-1',
    }).expect(200);
    expect(await heldBy(id, 'handler')).toMatchObject({ kind: 'caseToHandle', dueAt: detail.body.dueAt });

    await call('post', `/cases/${id}/investigation`, 'handler', { findings: 'warehouse backlog' }).expect(
      200,
    );
    await call('post', `/cases/${id}/resolution`, 'handler', {
      items: [{ itemId: 'allow', kind: 'allowance', description: 'price allowance', amountFen: 300_000 }],
    }).expect(200);
    // 3,000 yuan: above the cs_manager's 500, within the BU manager's 5,000 — of the responsible BU.
    expect(await heldBy(id, 'bum')).toMatchObject({
      kind: 'resolutionToApprove',
      titleKey: 'workItems.complaints.resolutionToApprove',
      category: 'approval',
      approval: {
        requestedBy: 'handler-1',
        rule: 'CMP-APR-07',
        basis: { totalFen: 300_000, requiredApprover: 'bu_manager', responsibleBu: 'bu-1' },
        approve: { method: 'POST', path: `/cases/${id}/resolution/approval`, withReason: false },
        refuse: { method: 'POST', path: `/cases/${id}/resolution/send-back`, withReason: true },
        reasons: expect.arrayContaining(['amount_too_high']),
      },
    });

    await call('post', `/cases/${id}/resolution/approval`, 'bum').expect(200);
    await heldBy(id, 'handler');
    await call('post', `/cases/${id}/reply`, 'handler', { itemIds: ['allow'], message: 'sorry' }).expect(200);
    await call('post', `/cases/${id}/acceptance`, 'agent').expect(200);
    await call('post', `/cases/${id}/follow-up`, 'agent', { satisfaction: 5 }).expect(200);
    await call('post', `/cases/${id}/close`, 'agent').expect(200);
    await heldBy(id, null);
  });

  it('an overdue case turns high priority for whoever holds it', async () => {
    const registered = await call('post', '/cases', 'agent2', {
      kind: 'inquiry',
      channel: 'web',
      customerId: 'cust-8',
      subject: 'opening hours',
      description: 'when do you open on Sunday',
      concernedEmployeeId: 'emp-9',
      concernedBu: 'bu-1',
    }).expect(201);
    const id = registered.body.caseId as string;
    const item = await heldBy(id, 'agent2');
    expect(item).toMatchObject({ kind: 'caseToAssign', priority: 'normal' });
    t.clock.set(new Date(Date.parse(item?.dueAt ?? '') + 60_000));
    const late = await eventually(async () => {
      const found = (await inbox('agent2')).find((i) => i.id === `case:${id}`);
      return found?.priority === 'high' ? found : undefined;
    }, 'the overdue case at high priority');
    expect(late.titleParams).toMatchObject({ overdue: true });
    t.clock.set('2025-09-30T02:00:00Z');
  });

  it('a rebuilt inbox equals the incrementally built one', async () => {
    const pipeline = t.app.get(EventPipeline);
    await pipeline.caughtUp();
    const snapshot = (): Promise<string[]> => tableRows(t.pool, t.config.readSchema(), 'work_items');
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await pipeline.projection('case_work_items').rebuild();
    await pipeline.caughtUp();
    expect(await snapshot()).toEqual(before);
  });
});
