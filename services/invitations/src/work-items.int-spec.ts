import request from 'supertest';
import type { Server } from 'node:http';
import { EventPipeline, type WorkItemDto } from '@crm/nest';
import { eventually, tableRows } from '@crm/testing';
import { startInvitationsTestApp, type InvitationsTestApp } from './testing/invitations-test-app';
import { registeredCustomer } from './testing/registered-customer';

jest.setTimeout(120_000);

/** A local Asia/Shanghai wall-clock time. */
const local = (time: string): string => new Date(`${time.replace(' ', 'T')}+08:00`).toISOString();

const seen: number[] = [];

describe('invitations work items and the test clock (real PostgreSQL + Kafka, through HTTP)', () => {
  let t: InvitationsTestApp;
  let server: Server;
  let jointEventId: string;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post' | 'delete', path: string, who: string) =>
    request(server)
      [method](path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`)
      .on('response', (res: { status: number }) => seen.push(res.status));

  const inbox = async (
    who: string,
    query = '',
  ): Promise<{ items: WorkItemDto[]; nextCursor: string | null }> =>
    (await call('get', `/work-items${query}`, who).expect(200)).body as {
      items: WorkItemDto[];
      nextCursor: string | null;
    };

  /** This event's items in `who`'s inbox, once `ready` holds for them (the projection is asynchronous). */
  const itemsOf = (who: string, ready: (items: WorkItemDto[]) => boolean): Promise<WorkItemDto[]> =>
    eventually(async () => {
      const items = (await inbox(who)).items.filter((i) => JSON.stringify(i).includes(jointEventId));
      return ready(items) ? items : undefined;
    }, `the work items of ${who}`);

  beforeAll(async () => {
    t = await startInvitationsTestApp(local('2026-12-05 11:00:00'));
    server = t.app.getHttpServer() as Server;
    const claims = {
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      staff2: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
      manager1: { sub: 'm-1', bu: 'bu-1', roles: ['bu_manager'] },
      manager2: { sub: 'm-2', bu: 'bu-2', roles: ['bu_manager'] },
      manager3: { sub: 'm-3', bu: 'bu-3', roles: ['bu_manager'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
      gm: { sub: 'gm-1', roles: ['gm'] },
      admin: { sub: 'ad-1', roles: ['admin'] },
      auditor: { sub: 'au-1', roles: ['auditor'] },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await t.token(c);
    const res = await call('post', '/joint-events', 'coordinator')
      .send({
        date: '2026-12-07',
        slot: 'evening',
        venue: 'Hall B',
        businessUnits: ['bu-1', 'bu-2'],
        coordinatorId: 'co-1',
      })
      .expect(201);
    jointEventId = res.body.jointEventId as string;
  });

  afterAll(async () => {
    await t?.close();
  });

  afterAll(() => {
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  it("shows each BU manager today's list due at the recorded 18:00 cut-off, and nobody else", async () => {
    const [first] = await itemsOf('manager1', (items) => items.length > 0);
    expect(first).toEqual({
      id: `list:${jointEventId}:2026-12-05:bu-1`,
      service: 'invitations',
      kind: 'listToFile',
      titleKey: 'workItems.invitations.listToFile',
      titleParams: {
        jointEventId,
        eventDate: '2026-12-07',
        slot: 'evening',
        venue: 'Hall B',
        day: '2026-12-05',
        withPlannedList: false,
      },
      dueAt: local('2026-12-05 18:00:00'),
      priority: 'normal',
      link: `/invitations/events/${jointEventId}/lists`,
      category: 'task',
      version: 1,
    });
    const [second] = await itemsOf('manager2', (items) => items.length > 0);
    expect(second).toMatchObject({
      id: `list:${jointEventId}:2026-12-05:bu-2`,
      titleParams: expect.objectContaining({ withPlannedList: true }),
    });
    for (const who of ['manager3', 'staff1', 'coordinator', 'gm']) {
      expect((await inbox(who)).items.filter((i) => i.id.includes(jointEventId))).toEqual([]);
    }
  });

  it('a filed list leaves the inbox', async () => {
    await call('post', `/joint-events/${jointEventId}/lists`, 'manager1')
      .send({ day: '2026-12-05', confirmed: [] })
      .expect(201);
    await itemsOf('manager1', (items) => items.length === 0);
  });

  it('the test clock is for admins and takes only an instant', async () => {
    const forbidden = await call('post', '/test/clock', 'manager1').send({
      now: local('2026-12-05 18:00:05'),
    });
    expect(forbidden.status).toBe(403);
    const bad = await call('post', '/test/clock', 'admin').send({ now: 'tonight' }).expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body)).toContain('now');
    const clock = await call('get', '/test/clock', 'admin').expect(200);
    expect(clock.body).toEqual({ now: local('2026-12-05 11:00:00'), offsetMs: 0 });
  });

  it("moving the clock past 18:00 fires the cut-off: BU2's list is recorded missing and turns late in its inbox", async () => {
    const moved = await call('post', '/test/clock', 'admin')
      .send({ now: local('2026-12-05 18:00:05') })
      .expect(200);
    expect(moved.body.now).toBe(local('2026-12-05 18:00:05'));
    const state = await eventually(async () => {
      const res = await call('get', `/joint-events/${jointEventId}`, 'auditor').expect(200);
      return (res.body.cutoffsReached as string[]).includes('2026-12-05') ? res.body : undefined;
    }, 'the 12-05 cut-off fired by the moved clock');
    expect(state.filings['bu-2']['2026-12-05']).toMatchObject({ missed: true, fined: true });
    expect(state.filings['bu-1']['2026-12-05']).not.toMatchObject({ missed: true });
    const [late] = await itemsOf('manager2', (items) => items.some((i) => i.kind === 'lateListToFile'));
    expect(late).toMatchObject({
      id: `list:${jointEventId}:2026-12-05:bu-2`,
      titleKey: 'workItems.invitations.lateListToFile',
      priority: 'high',
      dueAt: local('2026-12-05 18:00:00'),
      category: 'task',
      version: 2,
    });
  });

  it("past the cut-off, tomorrow's list shows; a late filing clears the late one", async () => {
    const next = await itemsOf('manager1', (items) => items.length === 1);
    expect(next[0]).toMatchObject({
      id: `list:${jointEventId}:2026-12-06:bu-1`,
      dueAt: local('2026-12-06 18:00:00'),
    });
    await call('post', `/joint-events/${jointEventId}/lists`, 'manager2')
      .send({ day: '2026-12-05', confirmed: [] })
      .expect(201);
    const left = await itemsOf('manager2', (items) => items.every((i) => i.kind !== 'lateListToFile'));
    expect(left.map((i) => i.id)).toEqual([`list:${jointEventId}:2026-12-06:bu-2`]);
  });

  it('disputes wait for the coordinator, paged by cursor, and leave when resolved', async () => {
    const parties = [
      { employeeId: 'e-101', bu: 'bu-1' },
      { employeeId: 'e-201', bu: 'bu-2' },
    ];
    const ids: string[] = [];
    for (const description of ['argued at table 3', 'argued at the door']) {
      const res = await call('post', `/joint-events/${jointEventId}/disputes`, 'staff1')
        .send({ parties, description })
        .expect(201);
      ids.push(res.body.disputeId as string);
    }
    const disputes = await itemsOf('coordinator', (items) => items.length === 2);
    expect(disputes.map((i) => i.kind)).toEqual(['disputeToResolve', 'disputeToResolve']);
    const page1 = await inbox('coordinator', '?limit=1');
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = await inbox('coordinator', `?limit=1&after=${page1.nextCursor ?? ''}`);
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]?.id).not.toBe(page1.items[0]?.id);
    expect(page2.nextCursor).toBeNull();
    expect((await inbox('manager1')).items.filter((i) => i.kind === 'disputeToResolve')).toEqual([]);

    await call('post', `/joint-events/${jointEventId}/disputes/${ids[0] ?? ''}/resolution`, 'coordinator')
      .send({ resolution: 'apologies', managerIds: ['m-1', 'm-2'], quarrelled: [] })
      .expect(200);
    const open = await itemsOf('coordinator', (items) => items.length === 1);
    expect(open[0]?.id).toBe(`dispute:${jointEventId}:${ids[1] ?? ''}`);
  });

  it('a conflict nobody can settle by the rules waits for the coordinator, escalated for the GM, ruled it is gone', async () => {
    // A second event, so the first one's lists stay out of the way: the clock is at 12-05 18:00:05.
    const second = await call('post', '/joint-events', 'coordinator')
      .send({
        date: '2026-12-08',
        slot: 'evening',
        venue: 'Hall C',
        businessUnits: ['bu-1', 'bu-2'],
        coordinatorId: 'co-1',
      })
      .expect(201);
    const eventId = second.body.jointEventId as string;
    const z = await registeredCustomer(t, 'bu-3', true);
    await call('post', `/joint-events/${eventId}/invitations`, 'staff2').send({ customerId: z }).expect(201);
    await call('post', `/joint-events/${eventId}/invitations`, 'staff1').send({ customerId: z }).expect(409);
    // BU2 lists nothing by the 12-06 cut-off and loses its priority; BU1 then confirms Z too.
    await call('post', '/test/clock', 'admin')
      .send({ now: local('2026-12-06 18:00:05') })
      .expect(200);
    await eventually(async () => {
      const res = await call('get', `/joint-events/${eventId}`, 'auditor').expect(200);
      return (res.body.cutoffsReached as string[]).includes('2026-12-06') ? true : undefined;
    }, 'the 12-06 cut-off of the second event');
    await call('post', `/joint-events/${eventId}/invitations`, 'staff1').send({ customerId: z }).expect(201);
    // Neither lists Z by 12-07: no rule decides, the coordinator must.
    await call('post', '/test/clock', 'admin')
      .send({ now: local('2026-12-07 18:00:05') })
      .expect(200);
    const conflict = `conflict:${eventId}:${z}`;
    const [open] = await eventually(async () => {
      const found = (await inbox('coordinator')).items.filter((i) => i.id === conflict);
      return found.length > 0 ? found : undefined;
    }, 'the conflict in the coordinator inbox');
    expect(open).toMatchObject({
      kind: 'conflictToRule',
      titleKey: 'workItems.invitations.conflictToRule',
      titleParams: { jointEventId: eventId, customerId: z },
      link: `/invitations/events/${eventId}/conflicts`,
    });
    expect((await inbox('gm')).items.filter((i) => i.id === conflict)).toEqual([]);

    const path = `/joint-events/${eventId}/customers/${z}`;
    await call('post', `${path}/escalation`, 'coordinator').send({ reason: 'both insist' }).expect(201);
    const [escalated] = await eventually(async () => {
      const found = (await inbox('gm')).items.filter((i) => i.id === conflict);
      return found.length > 0 ? found : undefined;
    }, 'the escalated conflict in the GM inbox');
    expect(escalated).toMatchObject({ kind: 'escalatedConflictToRule', priority: 'high' });
    expect((await inbox('coordinator')).items.filter((i) => i.id === conflict)).toEqual([]);

    await call('post', `${path}/rulings`, 'gm').send({ winnerBu: 'bu-1' }).expect(201);
    await eventually(async () => {
      const found = (await inbox('gm')).items.filter((i) => i.id === conflict);
      return found.length === 0 ? true : undefined;
    }, 'the ruled conflict gone');
  });

  it('documents GET /work-items and the test clock in OpenAPI', async () => {
    const docs = await request(server).get('/docs-json').expect(200);
    const list = docs.body.paths['/work-items'].get;
    expect(list).toMatchObject({ operationId: 'listWorkItems', tags: ['work-items'] });
    expect(JSON.stringify(list.responses['200'])).toContain('WorkItemPageDto');
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400', '401']));
    expect(docs.body.components.schemas.WorkItemDto.required).toEqual(
      expect.arrayContaining([
        'id',
        'service',
        'kind',
        'titleKey',
        'titleParams',
        'dueAt',
        'priority',
        'link',
        'version',
      ]),
    );
    expect(Object.keys(docs.body.paths['/test/clock'])).toEqual(
      expect.arrayContaining(['get', 'post', 'delete']),
    );
  });

  it('answers a bad cursor, limit or assignee with 400 problem+json naming it; assignee=me is the caller', async () => {
    const cursor = await call('get', '/work-items?after=garbage', 'coordinator').expect(400);
    expect(cursor.body).toMatchObject({ code: 'work_items.invalid_cursor' });
    const someoneElse = await call('get', '/work-items?assignee=m-1', 'coordinator').expect(400);
    expect(JSON.stringify(someoneElse.body)).toContain('assignee');
    const mine = await call('get', '/work-items?assignee=me&after=&limit=1', 'coordinator').expect(200);
    expect(mine.body.items).toHaveLength(1);
    const limit = await call('get', '/work-items?limit=1000', 'coordinator').expect(400);
    expect(limit.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(limit.body)).toContain('limit');
    await request(server).get('/work-items').expect(401);
  });

  it('a rebuilt inbox equals the incrementally built one', async () => {
    const pipeline = t.app.get(EventPipeline);
    await pipeline.caughtUp();
    const snapshot = (): Promise<string[]> => tableRows(t.pool, t.config.readSchema(), 'work_items');
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await pipeline.projection('invitation_work_items').rebuild();
    await pipeline.caughtUp();
    expect(await snapshot()).toEqual(before);
  });

  it('DELETE /test/clock returns to the underlying clock', async () => {
    const reset = await call('delete', '/test/clock', 'admin').expect(200);
    expect(reset.body).toEqual({ now: local('2026-12-05 11:00:00'), offsetMs: 0 });
  });
});
