import request from 'supertest';
import type { Server } from 'node:http';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';

/** Every status answered in this file: bad input must never produce a 500. */
const seen: number[] = [];

/** Corrections (CUS-05/06, ARC-20) and consent (DAT-02/22) over HTTP, real PostgreSQL and Kafka. */
describe('customer data corrections and consent (real PostgreSQL + Kafka)', () => {
  let t: CustomersTestApp;
  let server: Server;
  const tokens: Record<string, string> = {};
  let seq = 0;
  const mobile = (): string =>
    `137${String(Date.now() % 1e4).padStart(4, '0')}${String(seq++).padStart(4, '0')}`;

  const send = (method: 'get' | 'post', path: string, who: string, body?: object) => {
    const test = request(server)
      [method](path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`);
    const sent = body !== undefined ? test.send(body) : test;
    return sent.on('response', (res: { status: number }) => seen.push(res.status));
  };

  const register = async (
    who = 'staff1',
    address?: string,
  ): Promise<{ customerId: string; mobile: string }> => {
    const m = mobile();
    const res = await send('post', '/customers', who, {
      name: '陈静',
      mobile: m,
      source: 'walk_in',
      ...(address !== undefined ? { address } : {}),
    }).expect(201);
    return { customerId: res.body.customerId as string, mobile: m };
  };

  beforeAll(async () => {
    t = await startCustomersTestApp();
    server = t.app.getHttpServer() as Server;
    tokens['staff1'] = await t.token({ sub: 'e-001', bu: 'bu-1', roles: ['staff'] });
    tokens['manager1'] = await t.token({ sub: 'm-1', bu: 'bu-1', roles: ['bu_manager'] });
    tokens['staff2'] = await t.token({ sub: 'e-201', bu: 'bu-2', roles: ['staff'] });
    tokens['cs'] = await t.token({ sub: 'cs-1', roles: ['cs_agent'] });
    tokens['admin'] = await t.token({ sub: 'a-1', roles: ['admin'] });
  });

  afterAll(async () => {
    await t?.close();
    expect(seen.filter((s) => s >= 500)).toEqual([]);
  });

  describe('POST /customers/{id}/corrections', () => {
    it('corrects name and address; the detail shows the new values, masked for other BUs; history lists it', async () => {
      const { customerId, mobile: m } = await register('staff1', '上海市浦东新区');
      const res = await send('post', `/customers/${customerId}/corrections`, 'manager1', {
        name: '陈晶',
        address: '上海市徐汇区',
        reason: '身份证核对后更正',
      }).expect(200);
      expect(res.body).toEqual({
        customerId,
        recorded: ['CustomerDataCorrected'],
        fields: ['name', 'address'],
      });

      const own = await send('get', `/customers/${customerId}`, 'staff1').expect(200);
      expect(own.body.personalData).toEqual({
        visibility: 'full',
        name: '陈晶',
        mobile: m,
        address: '上海市徐汇区',
      });
      expect(Date.parse(own.body.correctedAt as string)).not.toBeNaN();
      const other = await send('get', `/customers/${customerId}`, 'staff2').expect(200);
      expect(other.body.personalData).toEqual({
        visibility: 'masked',
        name: '陈*',
        mobile: `${m.slice(0, 3)}****${m.slice(7)}`,
      });

      const history = await send('get', `/customers/${customerId}/corrections`, 'staff1').expect(200);
      expect(history.body).toEqual([
        {
          correctionId: expect.any(String),
          fields: ['name', 'address'],
          reason: '身份证核对后更正',
          rule: 'CUS-06',
          correctedBy: 'm-1',
          correctedAt: expect.any(String),
        },
      ]);
      const seenByOther = await send('get', `/customers/${customerId}/corrections`, 'staff2').expect(200);
      expect(seenByOther.body[0]).not.toHaveProperty('reason');

      // The list projection follows too (sealed, opened on read).
      await t.caughtUp();
      const list = await send('get', '/customers?ownerBu=bu-1&limit=100', 'staff1').expect(200);
      const row = (list.body.items as { customerId: string; personalData: { name: string } }[]).find(
        (c) => c.customerId === customerId,
      );
      expect(row?.personalData.name).toBe('陈晶');
    });

    it('moves the mobile identity: the old number is free, the new one taken, a taken number refused with 409', async () => {
      const a = await register();
      const b = await register();
      const newMobile = mobile();
      await send('post', `/customers/${a.customerId}/corrections`, 'staff1', {
        mobile: newMobile,
        reason: '客户换号',
      }).expect(200);

      // The old number can be registered again; the new one is a duplicate of a.
      await send('post', '/customers', 'staff2', { name: '李娜', mobile: a.mobile, source: 'phone' }).expect(
        201,
      );
      const dup = await send('post', '/customers', 'staff2', {
        name: '李娜',
        mobile: newMobile,
        source: 'phone',
      }).expect(409);
      expect(dup.body).toMatchObject({
        code: 'customer.mobile_taken',
        details: { existingCustomerId: a.customerId },
      });

      // Correcting b onto a's new number is refused like a registration, naming a and its owner.
      const taken = await send('post', `/customers/${b.customerId}/corrections`, 'staff1', {
        mobile: newMobile,
        reason: '录入错误',
      }).expect(409);
      expect(taken.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(taken.body).toMatchObject({
        code: 'customer.mobile_taken',
        rule: 'ARC-20',
        details: { existingCustomerId: a.customerId, ownerBu: 'bu-1', ownerEmployeeId: 'e-001' },
      });
      const bNow = await send('get', `/customers/${b.customerId}`, 'staff1').expect(200);
      expect(bNow.body.personalData.mobile).toBe(b.mobile);

      // Search by mobile follows the reservation: the new number finds a, the old one finds the newcomer.
      const found = await send('post', '/customer-search', 'staff1', { mobile: newMobile }).expect(200);
      expect((found.body as { customerId: string }[]).map((c) => c.customerId)).toEqual([a.customerId]);
      const old = await send('post', '/customer-search', 'staff1', { mobile: a.mobile }).expect(200);
      expect((old.body as { customerId: string }[]).map((c) => c.customerId)).not.toContain(a.customerId);
    });

    it('lets exactly one of two simultaneous claims on a new number win: a correction racing a registration', async () => {
      const [a, b] = [await register(), await register()];
      const contested = mobile();
      const replies = await Promise.all([
        send('post', `/customers/${a.customerId}/corrections`, 'staff1', {
          mobile: contested,
          reason: '换号',
        }),
        send('post', `/customers/${b.customerId}/corrections`, 'staff1', {
          mobile: contested,
          reason: '换号',
        }),
        send('post', '/customers', 'staff2', { name: '周敏', mobile: contested, source: 'phone' }),
      ]);
      const statuses = replies.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 409)).toHaveLength(2);
      expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(1);
      const winner = replies.findIndex((r) => r.status < 300);
      const winnerId = [a.customerId, b.customerId, replies[2]?.body.customerId as string][winner];
      for (const loser of replies.filter((r) => r.status === 409)) {
        expect(loser.body).toMatchObject({
          code: 'customer.mobile_taken',
          details: { existingCustomerId: winnerId },
        });
      }
      const found = await send('post', '/customer-search', 'staff1', { mobile: contested }).expect(200);
      expect((found.body as { customerId: string }[]).map((c) => c.customerId)).toEqual([winnerId]);
    });

    it('is documented in OpenAPI with operation ids', async () => {
      const docs = await request(server).get('/docs-json').expect(200);
      const paths = docs.body.paths as Record<string, Record<string, { operationId?: string }>>;
      expect(paths['/customers/{customerId}/corrections']?.['post']?.operationId).toBe('correctCustomerData');
      expect(paths['/customers/{customerId}/corrections']?.['get']?.operationId).toBe(
        'listCustomerCorrections',
      );
      expect(paths['/customers/{customerId}/consent']?.['post']?.operationId).toBe('recordCustomerConsent');
      expect(paths['/customers/{customerId}/consent']?.['get']?.operationId).toBe('listCustomerConsent');
    });

    it('refuses another BU and other roles with 403 naming the rule, bad input with 400', async () => {
      const { customerId } = await register();
      const otherBu = await send('post', `/customers/${customerId}/corrections`, 'staff2', {
        name: '王五',
        reason: 'x',
      }).expect(403);
      expect(otherBu.body).toMatchObject({
        code: 'customer.not_owner_bu',
        rule: 'CUS-06',
        details: { ownerBu: 'bu-1' },
      });
      await send('post', `/customers/${customerId}/corrections`, 'admin', {
        name: '王五',
        reason: 'x',
      }).expect(403);
      const noReason = await send('post', `/customers/${customerId}/corrections`, 'staff1', {
        name: '王五',
      }).expect(400);
      expect(JSON.stringify(noReason.body)).toContain('reason');
      const empty = await send('post', `/customers/${customerId}/corrections`, 'staff1', {
        reason: '无',
      }).expect(400);
      expect(empty.body).toMatchObject({ code: 'customer.correction_empty' });
      await send('post', `/customers/${customerId}/corrections`, 'staff1', {
        mobile: '123',
        reason: '无',
      }).expect(400);
      await send('post', `/customers/no-such/corrections`, 'staff1', { name: '王五', reason: '无' }).expect(
        404,
      );
    });

    it('refuses to correct a forgotten customer, whose corrected data was blinded with the rest', async () => {
      const { customerId } = await register();
      await send('post', `/customers/${customerId}/corrections`, 'staff1', {
        name: '赵六',
        reason: '更正',
      }).expect(200);
      await send('post', `/customers/${customerId}/forget`, 'admin').expect(200);
      const got = await send('get', `/customers/${customerId}`, 'staff1').expect(200);
      expect(got.body.personalData).toEqual({ visibility: 'forgotten' });
      const refused = await send('post', `/customers/${customerId}/corrections`, 'staff1', {
        name: '赵七',
        reason: '更正',
      }).expect(422);
      expect(refused.body).toMatchObject({ code: 'customer.forgotten' });
    });
  });

  describe('POST /customers/{id}/consent', () => {
    it('records consent and an opt-out with history; shown on the detail', async () => {
      const { customerId } = await register();
      const granted = await send('post', `/customers/${customerId}/consent`, 'staff1', {
        purposes: ['service', 'marketing', 'event_invitation'],
        marketingOptOut: false,
        channel: 'written',
      }).expect(200);
      expect(granted.body).toMatchObject({
        recorded: ['CustomerConsentRecorded'],
        consent: { purposes: ['service', 'marketing', 'event_invitation'], marketingOptedOut: false },
      });
      await send('post', `/customers/${customerId}/consent`, 'cs', {
        purposes: ['service'],
        marketingOptOut: true,
        channel: 'phone',
        note: '客服热线退订',
      }).expect(200);

      const detail = await send('get', `/customers/${customerId}`, 'staff2').expect(200);
      expect(detail.body.consent).toEqual({
        purposes: ['service'],
        marketingOptedOut: true,
        recordedAt: expect.any(String),
      });
      const history = await send('get', `/customers/${customerId}/consent`, 'staff1').expect(200);
      expect(history.body).toEqual([
        expect.objectContaining({
          rule: 'DAT-02',
          recordedBy: 'e-001',
          channel: 'written',
          marketingOptedOut: false,
        }),
        expect.objectContaining({
          rule: 'DAT-22',
          recordedBy: 'cs-1',
          note: '客服热线退订',
          marketingOptedOut: true,
        }),
      ]);
    });

    it('refuses contradictions and unknown purposes with 400, another BU with 403', async () => {
      const { customerId } = await register();
      const contradictory = await send('post', `/customers/${customerId}/consent`, 'staff1', {
        purposes: ['marketing'],
        marketingOptOut: true,
        channel: 'phone',
      }).expect(400);
      expect(contradictory.body).toMatchObject({ code: 'customer.consent_contradictory' });
      await send('post', `/customers/${customerId}/consent`, 'staff1', {
        purposes: ['spam'],
        marketingOptOut: false,
        channel: 'phone',
      }).expect(400);
      const otherBu = await send('post', `/customers/${customerId}/consent`, 'staff2', {
        purposes: ['service'],
        marketingOptOut: false,
        channel: 'phone',
      }).expect(403);
      expect(otherBu.body).toMatchObject({ code: 'customer.not_owner_bu', rule: 'DAT-02' });
    });
  });
});
