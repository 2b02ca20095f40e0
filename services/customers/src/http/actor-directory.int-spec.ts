import request from 'supertest';
import type { Server } from 'node:http';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';

jest.setTimeout(120_000);

/**
 * Defect 7: the actor's BU and employment come from the staff directory, not the token. The
 * customers service reads its own directory (the employee streams).
 */
describe('actors are checked against the staff directory (real PostgreSQL + Kafka)', () => {
  let t: CustomersTestApp;
  let server: Server;
  let mobileSeq = 0;

  const register = (token: string) =>
    request(server)
      .post('/customers')
      .set('Authorization', `Bearer ${token}`)
      .send({
        name: '张三',
        mobile: `136${String(Date.now() % 1e4).padStart(4, '0')}${String(mobileSeq++).padStart(4, '0')}`,
        source: 'phone',
      });

  const customersOwnedBy = async (bu: string): Promise<number> => {
    await t.caughtUp();
    const { rows } = await t.pool.query<{ n: number }>(
      `select count(*)::int as n from "${t.config.readSchema()}".customer_list where owner_bu = $1`,
      [bu],
    );
    return rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    t = await startCustomersTestApp();
    server = t.app.getHttpServer() as Server;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('while the directory is empty, lets only a gm or admin act: they open the units and join people', async () => {
    const stranger = await t.rawToken({ sub: 'e-1', bu: 'bu-1', roles: ['staff'] });
    const refused = await register(stranger).expect(403);
    expect(refused.body).toMatchObject({ code: 'actor.unknown_employee' });
    const bootstrap = await t.rawToken({ sub: 'first-admin', roles: ['admin'] });
    for (const [buId, headOffice] of [
      ['hq', true],
      ['bu-1', false],
      ['bu-2', false],
    ] as const) {
      await request(server)
        .post('/staff/business-units')
        .set('Authorization', `Bearer ${bootstrap}`)
        .send({ buId, name: buId, ...(headOffice ? { headOffice } : {}) })
        .expect(201);
    }
    for (const [employeeId, bu, posts] of [
      ['hq-admin', 'hq', ['admin']],
      ['e-1', 'bu-1', ['staff']],
      ['e-2', 'bu-1', ['staff']],
    ] as const) {
      await request(server)
        .post('/staff')
        .set('Authorization', `Bearer ${bootstrap}`)
        .send({ employeeId, bu, displayName: employeeId, posts })
        .expect(201);
    }
    await t.caughtUp();
    // Once anyone is in the directory the bootstrap is over: the admin must be a member too.
    const late = await request(server)
      .post('/staff/business-units')
      .set('Authorization', `Bearer ${bootstrap}`)
      .send({ buId: 'bu-3', name: 'bu-3' })
      .expect(403);
    expect(late.body).toMatchObject({ code: 'actor.unknown_employee' });
    const admin = await t.rawToken({ sub: 'hq-admin', roles: ['admin'] });
    await request(server)
      .post('/staff/business-units')
      .set('Authorization', `Bearer ${admin}`)
      .send({ buId: 'bu-3', name: 'bu-3' })
      .expect(201);
  });

  it('refuses a BU claim the directory contradicts: no customer is registered for bu-2 or bu-404', async () => {
    const claimsBu2 = await t.rawToken({ sub: 'e-1', bu: 'bu-2', roles: ['staff'] });
    const res = await register(claimsBu2).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'actor.bu_mismatch',
      claimedBu: 'bu-2',
      directoryBu: 'bu-1',
    });
    const claimsBu404 = await t.rawToken({ sub: 'e-1', bu: 'bu-404', roles: ['staff'] });
    expect((await register(claimsBu404).expect(403)).body).toMatchObject({ code: 'actor.bu_mismatch' });
    expect(await customersOwnedBy('bu-2')).toBe(0);
    expect(await customersOwnedBy('bu-404')).toBe(0);
  });

  it('refuses someone the directory does not know (sub e-999)', async () => {
    const nobody = await t.rawToken({ sub: 'e-999', bu: 'bu-1', roles: ['staff'] });
    expect((await register(nobody).expect(403)).body).toMatchObject({
      code: 'actor.unknown_employee',
      employeeId: 'e-999',
    });
  });

  it('refuses someone who left; a token without a BU acts for the directory BU', async () => {
    const admin = await t.rawToken({ sub: 'hq-admin', roles: ['admin'] });
    await request(server).post('/staff/e-2/leave').set('Authorization', `Bearer ${admin}`).expect(200);
    const departed = await t.rawToken({ sub: 'e-2', bu: 'bu-1', roles: ['staff'] });
    expect((await register(departed).expect(403)).body).toMatchObject({ code: 'actor.departed' });

    const noBuClaim = await t.rawToken({ sub: 'e-1', roles: ['staff'] });
    const registered = await register(noBuClaim).expect(201);
    await t.caughtUp();
    const { rows } = await t.pool.query(
      `select owner_bu, owner_employee_id from "${t.config.readSchema()}".customer_list where customer_id = $1`,
      [registered.body.customerId],
    );
    expect(rows).toEqual([{ owner_bu: 'bu-1', owner_employee_id: 'e-1' }]);
  });
});
