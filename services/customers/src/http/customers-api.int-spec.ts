import request from 'supertest';
import type { Server } from 'node:http';
import { PiiVault } from '../pii/pii-vault';
import { eventually } from '@crm/testing';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';

/** Every status this API answered in this file: bad input must never produce a 500. */
const seen: number[] = [];

describe('customers API (real PostgreSQL + Kafka)', () => {
  let t: CustomersTestApp;
  let server: Server;
  let staffBu1: string;
  let staffBu2: string;

  const http = () => {
    const agent = request(server);
    const track = <T extends request.Test>(test: T): T =>
      test.on('response', (res: { status: number }) => seen.push(res.status)) as T;
    return {
      post: (path: string, token?: string) =>
        track(token ? agent.post(path).set('Authorization', `Bearer ${token}`) : agent.post(path)),
      get: (path: string, token?: string) =>
        track(token ? agent.get(path).set('Authorization', `Bearer ${token}`) : agent.get(path)),
    };
  };

  let mobileSeq = 0;
  const freshMobile = (): string =>
    `139${String(Date.now() % 1e4).padStart(4, '0')}${String(mobileSeq++).padStart(4, '0')}`;

  const register = (body: Record<string, unknown>, token = staffBu1) =>
    http().post('/customers', token).send(body);

  beforeAll(async () => {
    t = await startCustomersTestApp();
    server = t.app.getHttpServer() as Server;
    staffBu1 = await t.token({ sub: 'e-001', bu: 'bu-1', roles: ['staff'] });
    staffBu2 = await t.token({ sub: 'e-201', bu: 'bu-2', roles: ['staff'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  afterAll(() => {
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  describe('POST /customers', () => {
    it('registers with 201 and the new id; the owner is the registering employee and BU', async () => {
      const res = await register({
        name: '王小明',
        mobile: '+86 138-0000-0001',
        source: 'walk_in',
        address: '上海市',
      }).expect(201);
      expect(res.body).toEqual({ customerId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const got = await http()
        .get(`/customers/${res.body.customerId as string}`, staffBu1)
        .expect(200);
      expect(got.body).toMatchObject({
        customerId: res.body.customerId,
        source: 'walk_in',
        ownerBu: 'bu-1',
        ownerEmployeeId: 'e-001',
        personalData: { visibility: 'full', name: '王小明', mobile: '13800000001', address: '上海市' },
      });
      expect(Date.parse(got.body.registeredAt as string)).not.toBeNaN();
    });

    it('refuses a malformed body with 400 problem+json naming each field', async () => {
      const res = await register({ mobile: 12345, source: 'billboard' }).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 400, code: 'validation_failed' });
      const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['mobile', 'name', 'source']);
    });

    it('refuses an unknown field with 400 naming it', async () => {
      const res = await register({ name: '李雷', mobile: freshMobile(), source: 'phone', vip: true }).expect(
        400,
      );
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['vip']);
    });

    it('refuses an invalid mobile with 400 customer.invalid_mobile naming the field, without echoing it', async () => {
      const res = await register({ name: '李雷', mobile: '12345678901', source: 'phone' }).expect(400);
      expect(res.body).toMatchObject({ code: 'customer.invalid_mobile', details: { field: 'mobile' } });
      expect(JSON.stringify(res.body)).not.toContain('12345678901');
    });

    it('refuses malformed JSON with 400', async () => {
      const res = await http()
        .post('/customers', staffBu1)
        .set('Content-Type', 'application/json')
        .send('{"name": "x",')
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('refuses a referral without referrer and an unknown referrer with 400', async () => {
      const without = await register({ name: '韩梅梅', mobile: freshMobile(), source: 'referral' }).expect(
        400,
      );
      expect(without.body).toMatchObject({
        code: 'customer.referrer_required',
        details: { field: 'referredBy' },
      });
      const unknown = await register({
        name: '韩梅梅',
        mobile: freshMobile(),
        source: 'referral',
        referredBy: '00000000-0000-4000-8000-000000000000',
      }).expect(400);
      expect(unknown.body).toMatchObject({ code: 'customer.referrer_unknown' });
    });

    it('records a known referrer', async () => {
      const referrer = await register({ name: '推荐人', mobile: freshMobile(), source: 'walk_in' }).expect(
        201,
      );
      const referred = await register({
        name: '新客',
        mobile: freshMobile(),
        source: 'referral',
        referredBy: referrer.body.customerId,
      }).expect(201);
      const got = await http()
        .get(`/customers/${referred.body.customerId as string}`, staffBu1)
        .expect(200);
      expect(got.body.referredBy).toBe(referrer.body.customerId);
    });

    it('refuses a duplicate mobile (any spelling) with 409, the existing id and owner (ARC-20)', async () => {
      const first = await register({ name: '张三', mobile: '13800000002', source: 'walk_in' }).expect(201);
      const dup = await register(
        { name: '张三丰', mobile: '0086 138 0000 0002', source: 'event' },
        staffBu2,
      ).expect(409);
      expect(dup.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(dup.body).toMatchObject({
        status: 409,
        code: 'customer.mobile_taken',
        rule: 'ARC-20',
        details: { existingCustomerId: first.body.customerId, ownerBu: 'bu-1', ownerEmployeeId: 'e-001' },
      });
      expect(JSON.stringify(dup.body)).not.toContain('13800000002');
    });

    it('lets exactly one of several simultaneous registrations of a number win', async () => {
      const mobile = freshMobile();
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          register({ name: `并发${i}`, mobile, source: 'phone' }, i % 2 ? staffBu2 : staffBu1),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
      const winner = results.find((r) => r.status === 201)?.body.customerId as string;
      for (const r of results.filter((x) => x.status === 409))
        expect(r.body.details.existingCustomerId).toBe(winner);
      // The losers left no personal-data key behind (their transaction rolled back).
      const keys = await t.pool.query(`select count(*)::int as n from "${t.config.SCHEMA}".pii_keys`);
      const customers = await t.pool.query(
        `select count(*)::int as n from "${t.config.SCHEMA}".events where type = 'CustomerRegistered'`,
      );
      expect(keys.rows[0].n).toBe(customers.rows[0].n);
    });

    it('answers 401 without or with a bad token', async () => {
      const none = await http()
        .post('/customers')
        .send({ name: 'x', mobile: freshMobile(), source: 'phone' })
        .expect(401);
      expect(none.headers['content-type']).toMatch(/^application\/problem\+json/);
      await http()
        .post('/customers', 'not-a-jwt')
        .send({ name: 'x', mobile: freshMobile(), source: 'phone' })
        .expect(401);
      await http().get('/customers').expect(401);
    });

    it('answers 403 to a role without the right to register', async () => {
      const agent = await t.token({ sub: 'cs-1', bu: 'bu-1', roles: ['cs_agent'] });
      const res = await register({ name: 'x', mobile: freshMobile(), source: 'phone' }, agent).expect(403);
      expect(res.body).toMatchObject({ status: 403, code: 'forbidden_role' });
    });

    it('answers 403 when the registering employee has no BU (nobody could own the record)', async () => {
      const clerk = await t.token({ sub: 'clerk-1', roles: ['crm_clerk'], bu: undefined });
      const res = await register({ name: 'x', mobile: freshMobile(), source: 'phone' }, clerk).expect(403);
      expect(res.body.code).toBe('customer.actor_without_bu');
    });

    it('returns the first answer again for a repeated Idempotency-Key', async () => {
      const body = { name: '重试', mobile: freshMobile(), source: 'phone' };
      const first = await register(body).set('Idempotency-Key', 'reg-42').expect(201);
      const again = await register(body).set('Idempotency-Key', 'reg-42').expect(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
    });

    it('stores no plain personal data in events', async () => {
      const mobile = freshMobile();
      await register({ name: '隐私测试', mobile, source: 'phone', address: '深圳市南山区' }).expect(201);
      const { rows } = await t.pool.query(`select data::text as d from "${t.config.SCHEMA}".events`);
      const all = rows.map((r: { d: string }) => r.d).join('\n');
      for (const plain of ['隐私测试', mobile, mobile.slice(3), '深圳市']) expect(all).not.toContain(plain);
    });
  });

  describe('GET /customers/:id', () => {
    it('answers 404 problem for an unknown id', async () => {
      const res = await http().get('/customers/00000000-0000-4000-8000-000000000000', staffBu1).expect(404);
      expect(res.body).toMatchObject({ status: 404, code: 'customer.not_found' });
      await http().get('/customers/not-a-uuid', staffBu1).expect(404);
    });

    it('masks personal data for another BU', async () => {
      const created = await register({
        name: '张三',
        mobile: '13800000003',
        source: 'walk_in',
        address: '北京',
      }).expect(201);
      const res = await http()
        .get(`/customers/${created.body.customerId as string}`, staffBu2)
        .expect(200);
      expect(res.body.personalData).toEqual({ visibility: 'masked', name: '张*', mobile: '138****0003' });
    });

    it('shows a forgotten customer without personal data once the key is deleted', async () => {
      const created = await register({ name: '遗忘', mobile: freshMobile(), source: 'phone' }).expect(201);
      await t.app.get(PiiVault).forget(created.body.customerId as string);
      const res = await http()
        .get(`/customers/${created.body.customerId as string}`, staffBu1)
        .expect(200);
      expect(res.body.personalData).toEqual({ visibility: 'forgotten' });
      expect(res.body.ownerBu).toBe('bu-1');
    });
  });

  describe('GET /customers (customer_list projection)', () => {
    let bu2Customer: string;

    beforeAll(async () => {
      const res = await register({ name: '王二', mobile: '13800000004', source: 'event' }, staffBu2).expect(
        201,
      );
      bu2Customer = res.body.customerId as string;
      await eventually(async () => {
        const res = await http().get('/customers?ownerBu=bu-2', staffBu2);
        return (res.body.items as { customerId: string }[]).some((c) => c.customerId === bu2Customer)
          ? true
          : undefined;
      }, 'the customer_list projection to show the new customer');
    });

    it('lists customers, masked for other BUs and full for the own BU', async () => {
      const res = await http().get('/customers?limit=100', staffBu1).expect(200);
      const items = res.body.items as {
        customerId: string;
        ownerBu: string;
        personalData: { visibility: string };
      }[];
      expect(res.body.total).toBe(items.length);
      expect(items.find((c) => c.customerId === bu2Customer)?.personalData).toEqual({
        visibility: 'masked',
        name: '王*',
        mobile: '138****0004',
      });
      expect(
        items.filter((c) => c.ownerBu === 'bu-1').every((c) => c.personalData.visibility !== 'masked'),
      ).toBe(true);
    });

    it('filters by owner BU and pages', async () => {
      const bu2 = await http().get('/customers?ownerBu=bu-2', staffBu2).expect(200);
      // Other bu-2 customers may exist (the concurrent-registration test's winner is any BU).
      const bu2Items = bu2.body.items as { customerId: string; ownerBu: string; personalData: unknown }[];
      expect(bu2Items.length).toBeGreaterThan(0);
      expect(bu2Items.every((c) => c.ownerBu === 'bu-2')).toBe(true);
      expect(bu2Items.find((c) => c.customerId === bu2Customer)?.personalData).toMatchObject({
        visibility: 'full',
        name: '王二',
      });
      const page1 = await http().get('/customers?limit=2&page=1', staffBu1).expect(200);
      const page2 = await http().get('/customers?limit=2&page=2', staffBu1).expect(200);
      expect(page1.body.items).toHaveLength(2);
      expect(page2.body.items[0].customerId).not.toBe(page1.body.items[0].customerId);
      const beyond = await http().get('/customers?limit=2&page=999', staffBu1).expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: page1.body.total });
    });

    it('lets the analyst role (crm_analyst, from infra/postgres/init.sh) read the table, never write it', async () => {
      const privilege = async (kind: string): Promise<boolean> =>
        (
          await t.pool.query<{ ok: boolean }>(`select has_table_privilege('crm_analyst', $1, $2) as ok`, [
            `${t.config.readSchema()}.customer_list`,
            kind,
          ])
        ).rows[0]?.ok === true;
      expect(await privilege('SELECT')).toBe(true);
      expect(await privilege('INSERT')).toBe(false);
      expect(await privilege('UPDATE')).toBe(false);
    });

    it('refuses bad paging and unknown filters with 400', async () => {
      await http().get('/customers?limit=1000', staffBu1).expect(400);
      await http().get('/customers?page=0', staffBu1).expect(400);
      const res = await http().get('/customers?mobile=138', staffBu1).expect(400);
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['mobile']);
    });
  });
});
