import request from 'supertest';
import type { Server } from 'node:http';
import { FixedClock } from '@crm/policy';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';

jest.setTimeout(120_000);

const seen: number[] = [];

describe('outreach batches and the analyst read models (real PostgreSQL + Kafka)', () => {
  const clock = new FixedClock('2025-01-06T02:00:00.000Z');
  let t: CustomersTestApp;
  let server: Server;
  let manager: string;
  let clerk: string;
  let staffBu5: string;
  let staffBu6: string;
  let analyst: string;
  const participants = ['e-a', 'e-b', 'e-c', 'e-d'];
  const stamp = String(Date.now() % 1e4).padStart(4, '0');
  const mobileOf = (i: number): string => `158${stamp}${String(i).padStart(4, '0')}`;
  let batchId: string;
  let duplicateId: string;

  const call = (method: 'get' | 'post', path: string, token: string, body?: object) => {
    const req = request(server)[method](path).set('Authorization', `Bearer ${token}`);
    return (body !== undefined ? req.send(body) : req).on('response', (res: { status: number }) =>
      seen.push(res.status),
    );
  };

  beforeAll(async () => {
    t = await startCustomersTestApp({ clock });
    server = t.app.getHttpServer() as Server;
    manager = await t.token({ sub: 'm-5', bu: 'bu-5', roles: ['bu_manager'] });
    clerk = await t.token({ sub: 'k-1', roles: ['crm_clerk'], bu: undefined });
    staffBu5 = await t.token({ sub: 'e-a', bu: 'bu-5', roles: ['staff'] });
    staffBu6 = await t.token({ sub: 'e-601', bu: 'bu-6', roles: ['staff'] });
    analyst = await t.token({ sub: 'an-1', roles: ['analyst'], bu: undefined });
    const gm = await t.token({ sub: 'gm-1', roles: ['gm'], bu: undefined });
    await call('post', '/staff/business-units', gm, { buId: 'bu-5', name: '五部' }).expect(201);
    for (const employeeId of participants) {
      await call('post', '/staff', gm, { employeeId, bu: 'bu-5', displayName: employeeId }).expect(201);
    }
    const existing = await call('post', '/customers', staffBu6, {
      name: '老客户',
      mobile: mobileOf(999),
      source: 'walk_in',
    }).expect(201);
    duplicateId = existing.body.customerId as string;
  });

  afterAll(async () => {
    await t?.close();
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  it('submit → entry (duplicate flagged, owner kept) → return → allocation of 30 over 4 as 8/8/7/7', async () => {
    const submitted = await call('post', '/outreach-batches', manager, {
      seminar: '2025-01-05 科普讲座',
      participants,
      recordCount: 31,
    }).expect(201);
    batchId = submitted.body.batchId as string;
    expect(submitted.body).toMatchObject({ status: 'submitted', bu: 'bu-5', participants });

    await call('post', `/outreach-batches/${batchId}/allocation`, manager).expect(409);
    await call('post', `/outreach-batches/${batchId}/entries`, manager, { records: [] }).expect(403);
    await call('post', `/outreach-batches/${batchId}/entries`, clerk, { records: [{ name: '' }] }).expect(
      400,
    );

    const invalid = await call('post', `/outreach-batches/${batchId}/entries`, clerk, {
      records: [{ name: '甲', mobile: '12345' }],
    }).expect(400);
    expect(invalid.body).toMatchObject({
      code: 'customer.invalid_mobile',
      details: { field: 'records[0].mobile' },
    });
    const records = Array.from({ length: 30 }, (_, i) => ({ name: `听众${i}`, mobile: mobileOf(i) }));
    records.splice(10, 0, { name: '老客户', mobile: mobileOf(999) });
    const entered = await call('post', `/outreach-batches/${batchId}/entries`, clerk, { records }).expect(
      200,
    );
    expect(entered.body.status).toBe('entered');
    expect(entered.body.entries).toHaveLength(31);
    expect(entered.body.entries[10]).toEqual({
      customerId: duplicateId,
      duplicate: true,
      ownerBu: 'bu-6',
      ownerEmployeeId: 'e-601',
    });
    expect(JSON.stringify(entered.body)).not.toContain(mobileOf(0));

    await call('post', `/outreach-batches/${batchId}/return`, clerk).expect(200);
    const allocated = await call('post', `/outreach-batches/${batchId}/allocation`, manager).expect(200);
    expect(allocated.body).toMatchObject({ status: 'allocated', recorded: ['BatchAllocated'] });
    const deal = {
      method: 'round_robin_in_entry_order',
      counts: [
        { employeeId: 'e-a', records: 8 },
        { employeeId: 'e-b', records: 8 },
        { employeeId: 'e-c', records: 7 },
        { employeeId: 'e-d', records: 7 },
      ],
    };
    expect(allocated.body.allocation).toMatchObject(deal);
    expect(allocated.body.allocation.assignments[0]).toEqual({
      position: 0,
      customerId: entered.body.entries[0].customerId,
      employeeId: 'e-a',
    });
    const shown = await call('get', `/outreach-batches/${batchId}`, manager).expect(200);
    expect(shown.body.allocation).toMatchObject(deal);
    // Asking again completes an interrupted hand-out and changes nothing here.
    const again = await call('post', `/outreach-batches/${batchId}/allocation`, manager).expect(200);
    expect(again.body).toMatchObject({ status: 'allocated', recorded: [] });

    await t.caughtUp();
    const fairness = await call(
      'get',
      `/customer-reports/allocation-fairness?batchId=${batchId}`,
      analyst,
    ).expect(200);
    expect(
      fairness.body.batches.map((b: { employeeId: string; records: number }) => [b.employeeId, b.records]),
    ).toEqual([
      ['e-a', 8],
      ['e-b', 8],
      ['e-c', 7],
      ['e-d', 7],
    ]);
    expect(fairness.body.batches[0]).toMatchObject({ batchRecords: 30, participants: 4, duplicatesKept: 1 });

    const ownership = await call('get', '/customer-reports/ownership?bu=bu-5', analyst).expect(200);
    expect(ownership.body).toEqual([
      { bu: 'bu-5', employeeId: 'e-a', customers: 8, lapsed: 0 },
      { bu: 'bu-5', employeeId: 'e-b', customers: 8, lapsed: 0 },
      { bu: 'bu-5', employeeId: 'e-c', customers: 7, lapsed: 0 },
      { bu: 'bu-5', employeeId: 'e-d', customers: 7, lapsed: 0 },
    ]);
    const duplicate = await call('get', `/customers/${duplicateId}`, staffBu6).expect(200);
    expect(duplicate.body).toMatchObject({ ownerBu: 'bu-6', ownerEmployeeId: 'e-601' });

    const firstNew = entered.body.entries[0].customerId as string;
    const history = await call(
      'get',
      `/customer-reports/reassignments?customerId=${firstNew}`,
      analyst,
    ).expect(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        fromBu: 'bu-5',
        fromEmployeeId: 'm-5',
        toEmployeeId: 'e-a',
        reason: 'batch_allocation',
        rule: 'ARC-04',
        decidedBy: 'm-5',
        policyVersion: 'v1',
        basis: expect.objectContaining({ batchId, position: 0 }),
      }),
    ]);
  });

  it('lists the batches each person works on: the own BU for a manager, every BU for the CRM center', async () => {
    const otherManager = await t.token({ sub: 'm-6', bu: 'bu-6', roles: ['bu_manager'] });
    clock.set('2025-01-06T03:00:00.000Z');
    const submitted = await call('post', '/outreach-batches', otherManager, {
      seminar: '2025-01-06 科普讲座 六部',
      participants: ['e-601'],
      recordCount: 3,
    }).expect(201);
    await t.caughtUp();

    const own = await call('get', '/outreach-batches', manager).expect(200);
    expect(own.body).toMatchObject({ page: 1, total: 1 });
    expect(own.body.items).toEqual([
      expect.objectContaining({
        batchId,
        bu: 'bu-5',
        status: 'allocated',
        participants,
        recordCount: 31,
        entered: 31,
        duplicates: 1,
        submittedBy: 'm-5',
      }),
    ]);
    const all = await call('get', '/outreach-batches', clerk).expect(200);
    expect(all.body.items.map((b: { batchId: string }) => b.batchId)).toEqual([
      submitted.body.batchId,
      batchId,
    ]);
    const toEnter = await call('get', '/outreach-batches?status=submitted', clerk).expect(200);
    expect(toEnter.body.items).toEqual([
      expect.objectContaining({ batchId: submitted.body.batchId, status: 'submitted', entered: null }),
    ]);
    await call('get', '/outreach-batches?status=lost', clerk).expect(400);
    await call('get', '/outreach-batches', staffBu5).expect(403);
  });

  it('the lapse watch-list shows customers due within 14 days', async () => {
    // Allocated on 2025-01-06 → due 2025-04-06 (Shanghai calendar).
    clock.set('2025-03-20T02:00:00.000Z');
    const early = await call('get', '/customer-reports/lapse-watch-list?bu=bu-5', analyst).expect(200);
    expect(early.body).toMatchObject({ policyVersion: 'v1', windowDays: 14, items: [] });
    clock.set('2025-03-24T02:00:00.000Z');
    const due = await call('get', '/customer-reports/lapse-watch-list?bu=bu-5', analyst).expect(200);
    expect(due.body.items).toHaveLength(30);
    expect(due.body.items[0]).toMatchObject({ ownerBu: 'bu-5', lapseDueAt: '2025-04-06T02:00:00.000Z' });
  });

  it('searches by mobile (masked for another BU) and by name within permissions', async () => {
    const byMobile = await call('post', '/customer-search', staffBu6, { mobile: mobileOf(3) }).expect(200);
    expect(byMobile.body).toEqual([
      expect.objectContaining({
        ownerBu: 'bu-5',
        personalData: { visibility: 'masked', name: '听**', mobile: `158****${mobileOf(3).slice(7)}` },
      }),
    ]);
    const byName = await call('post', '/customer-search', staffBu5, { name: '听众1' }).expect(200);
    expect(byName.body.map((c: { personalData: { name: string } }) => c.personalData.name).sort()).toEqual(
      ['听众1', ...Array.from({ length: 10 }, (_, i) => `听众1${i}`)].sort(),
    );
    const otherBu = await call('post', '/customer-search', staffBu6, { name: '听众1' }).expect(200);
    expect(otherBu.body).toEqual([]);
    await call('post', '/customer-search', staffBu5, {}).expect(400);
    await call('post', '/customer-search', staffBu5, { mobile: '123' }).expect(400);
    // The criteria never travel in a URL: the old query-string form is gone.
    await call('get', `/customer-search?mobile=${mobileOf(3)}`, staffBu5).expect(404);
  });
});
