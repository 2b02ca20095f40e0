import request from 'supertest';
import type { Server } from 'node:http';
import { FixedClock } from '@crm/policy';
import { EventPipeline, type WorkItemDto } from '@crm/nest';
import { eventually, tableRows } from '@crm/testing';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';

jest.setTimeout(120_000);

const seen: number[] = [];

describe('customers work items (real PostgreSQL + Kafka, through HTTP)', () => {
  // 10:00 in Shanghai; a customer registered now lapses on 2026-12-01 at 10:00 (⚙ 3 months).
  const clock = new FixedClock('2026-09-01T02:00:00.000Z');
  let t: CustomersTestApp;
  let server: Server;
  const tokens: Record<string, string> = {};
  const stamp = String(Date.now() % 1e4).padStart(4, '0');
  let mobileSeq = 0;

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

  /** `who`'s items about `about`, once `ready` holds (the projection is asynchronous). */
  const itemsOf = (
    who: string,
    about: string,
    ready: (items: WorkItemDto[]) => boolean,
  ): Promise<WorkItemDto[]> =>
    eventually(async () => {
      const items = (await inbox(who)).filter((i) => i.id.endsWith(about));
      return ready(items) ? items : undefined;
    }, `the work items of ${who} about ${about}`);

  const nobodyElse = async (about: string, except: string): Promise<void> => {
    await t.caughtUp();
    for (const who of Object.keys(tokens).filter((w) => w !== except)) {
      expect((await inbox(who)).filter((i) => i.id.endsWith(about))).toEqual([]);
    }
  };

  const register = async (who: string): Promise<string> => {
    const mobile = `137${stamp}${String(mobileSeq++).padStart(4, '0')}`;
    const res = await call('post', '/customers', who, { name: '李四', mobile, source: 'phone' }).expect(201);
    return res.body.customerId as string;
  };

  const setClock = (now: string) => call('post', '/test/clock', 'admin', { now }).expect(200);

  beforeAll(async () => {
    t = await startCustomersTestApp({ clock, timerIntervalMs: 100 });
    server = t.app.getHttpServer() as Server;
    const claims = {
      gm: { sub: 'gm-1', roles: ['gm'], bu: undefined },
      admin: { sub: 'ad-1', roles: ['admin'], bu: undefined },
      director: { sub: 'd-1', roles: ['resource_director'], bu: undefined },
      clerk: { sub: 'k-1', roles: ['crm_clerk'], bu: undefined },
      manager5: { sub: 'm-5', bu: 'bu-5', roles: ['bu_manager'] },
      manager6: { sub: 'm-6', bu: 'bu-6', roles: ['bu_manager'] },
      e001: { sub: 'e-001', bu: 'bu-1', roles: ['staff'] },
      e002: { sub: 'e-002', bu: 'bu-1', roles: ['staff'] },
      e201: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await t.token(c);
    for (const buId of ['bu-1', 'bu-2', 'bu-5', 'bu-6']) {
      await call('post', '/staff/business-units', 'gm', { buId, name: `事业部 ${buId}` }).expect(201);
    }
    for (const [employeeId, bu] of [
      ['e-001', 'bu-1'],
      ['e-002', 'bu-1'],
      ['e-201', 'bu-2'],
      ['e-a', 'bu-5'],
      ['e-b', 'bu-5'],
    ]) {
      await call('post', '/staff', 'gm', { employeeId, bu, displayName: `员工 ${employeeId}` }).expect(201);
    }
  });

  afterAll(async () => {
    await t?.close();
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  it('an outreach batch waits for the clerks to enter and return it, then for its BU manager to allocate it', async () => {
    const submitted = await call('post', '/outreach-batches', 'manager5', {
      seminar: '2026-08-30 科普讲座',
      participants: ['e-a', 'e-b'],
      recordCount: 2,
    }).expect(201);
    const batchId = submitted.body.batchId as string;
    const [toEnter] = await itemsOf('clerk', batchId, (items) => items.length === 1);
    expect(toEnter).toEqual({
      id: `batch:${batchId}`,
      service: 'customers',
      kind: 'batchToEnter',
      titleKey: 'workItems.customers.batchToEnter',
      titleParams: { batchId, seminar: '2026-08-30 科普讲座', bu: 'bu-5', records: 2 },
      dueAt: null,
      priority: 'normal',
      link: `/customers/batches/${batchId}`,
      category: 'task',
      version: 1,
    });
    await nobodyElse(batchId, 'clerk');

    const records = [0, 1].map((i) => ({
      name: `听众${i}`,
      mobile: `158${stamp}${String(i).padStart(4, '0')}`,
    }));
    await call('post', `/outreach-batches/${batchId}/entries`, 'clerk', { records }).expect(200);
    await itemsOf('clerk', batchId, (items) => items[0]?.kind === 'batchToReturn');

    await call('post', `/outreach-batches/${batchId}/return`, 'clerk').expect(200);
    const [toAllocate] = await itemsOf('manager5', batchId, (items) => items.length === 1);
    expect(toAllocate).toMatchObject({
      kind: 'batchToAllocate',
      titleKey: 'workItems.customers.batchToAllocate',
      titleParams: { batchId, records: 2 },
      category: 'task',
      version: 3,
    });
    await nobodyElse(batchId, 'manager5');

    await call('post', `/outreach-batches/${batchId}/allocation`, 'manager5').expect(200);
    await itemsOf('manager5', batchId, (items) => items.length === 0);
  });

  it('an owner sees their customers lapsing within 14 days, due at the lapse; service clears it, a lapse goes to the director', async () => {
    const served = await register('e001');
    const neglected = await register('e001');
    await t.caughtUp();
    expect((await inbox('e001')).filter((i) => i.kind === 'customerLapsing')).toEqual([]);

    await setClock('2026-11-20T02:00:00.000Z');
    const lapsing = await itemsOf('e001', neglected, (items) => items.length === 1);
    expect(lapsing[0]).toEqual({
      id: `lapsing:${neglected}`,
      service: 'customers',
      kind: 'customerLapsing',
      titleKey: 'workItems.customers.customerLapsing',
      titleParams: {
        customerId: neglected,
        lapseAt: '2026-12-01T02:00:00.000Z',
        lastServiceAt: '2026-09-01T02:00:00.000Z',
      },
      dueAt: '2026-12-01T02:00:00.000Z',
      priority: 'normal',
      link: `/customers/${neglected}`,
      category: 'task',
      version: 1,
    });
    await itemsOf('e001', served, (items) => items.length === 1);
    await nobodyElse(neglected, 'e001');

    await call('post', `/customers/${served}/services`, 'e001', {
      kind: 'home_visit',
      reference: 'visit-1',
    }).expect(200);
    await itemsOf('e001', served, (items) => items.length === 0);

    await setClock('2026-12-01T02:00:05.000Z');
    const [toReassign] = await itemsOf('director', neglected, (items) => items.length === 1);
    expect(toReassign).toMatchObject({
      id: `lapsed:${neglected}`,
      kind: 'lapsedToReassign',
      titleKey: 'workItems.customers.lapsedToReassign',
      titleParams: { customerId: neglected, ownerBu: 'bu-1' },
      link: `/customers/${neglected}`,
    });
    await itemsOf('e001', neglected, (items) => items.length === 0);
    await nobodyElse(neglected, 'director');

    await call('post', `/customers/${neglected}/reassignments`, 'director', {
      toBu: 'bu-2',
      toEmployeeId: 'e-201',
      reason: 'service_lapse',
    }).expect(200);
    await itemsOf('director', neglected, (items) => items.length === 0);
    await nobodyElse(neglected, 'nobody');
  });

  it('a rebuilt inbox equals the incrementally built one', async () => {
    const pipeline = t.app.get(EventPipeline);
    await pipeline.caughtUp();
    const snapshot = (): Promise<string[]> => tableRows(t.pool, t.config.readSchema(), 'work_items');
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await pipeline.projection('customer_work_items').rebuild();
    await pipeline.caughtUp();
    expect(await snapshot()).toEqual(before);
  });
});
