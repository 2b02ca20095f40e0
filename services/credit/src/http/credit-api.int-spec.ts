import { Kafka, logLevel } from 'kafkajs';
import request from 'supertest';
import { deleteTestKafkaResources, eventually } from '@crm/testing';
import { EventPipeline } from '@crm/nest';
import { CREDIT_POLICY_V1 } from '@crm/credit-domain';
import { startCreditTestApp, type CreditTestApp } from '../testing/credit-test-app';
import {
  aFacts,
  allSections,
  creditApi,
  creditWorthyAccount,
  seenStatuses,
  setPortfolioCap,
  type CreditApi,
} from '../testing/credit-flow';

jest.setTimeout(120_000);

describe('credit API (real PostgreSQL + Kafka)', () => {
  let t: CreditTestApp;
  let api: CreditApi;

  beforeAll(async () => {
    t = await startCreditTestApp();
    api = await creditApi(t);
    await setPortfolioCap(api, 1_000_000_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  afterAll(() => {
    expect(seenStatuses.filter((s) => s >= 500)).toEqual([]);
  });

  it('takes an account from investigation to an effective limit; the grade, limit and cap are visible', async () => {
    await creditWorthyAccount(api, 'acc-flow', 50_000);
    const res = await api.get('/credit-accounts/acc-flow').expect(200);
    expect(res.body).toMatchObject({
      grade: 'A',
      limitFen: 50_000,
      exposureFen: 0,
      activeLimit: { limitFen: 50_000, termDays: 30, type: 'long_term' },
      dossier: { version: 1, complete: true, stale: false, staleAt: '2026-10-15T02:00:00.000Z' },
      policyVersion: 'v1',
    });
    const portfolio = await api.get('/credit-portfolio').expect(200);
    expect(portfolio.body.limits).toMatchObject({ 'acc-flow': 50_000 });
  });

  it('approves, holds 1 fen over the limit, explains the hold, and releases it only by the marketing VP', async () => {
    await creditWorthyAccount(api, 'acc-hold', 50_000);
    const base = '/credit-accounts/acc-hold';
    const ok = await api
      .post(`${base}/credit-checks`, 'staff', { orderId: 'o-1', kind: 'credit_sale', amountFen: 30_000 })
      .expect(201);
    expect(ok.body).toMatchObject({ decision: 'approved' });
    const held = await api
      .post(`${base}/credit-checks`, 'staff', { orderId: 'o-2', kind: 'credit_sale', amountFen: 20_001 })
      .expect(201);
    expect(held.body).toMatchObject({ decision: 'held', reasons: ['over_limit'], rules: ['CRD-40'] });

    const why = await api.get(`${base}/holds/o-2/explanation`).expect(200);
    expect(why.body).toMatchObject({
      decision: 'held',
      status: 'held',
      exposureFen: 30_000,
      limitFen: 50_000,
      grade: 'A',
      overdueItems: [],
      policyVersion: 'v1',
      reasons: ['over_limit'],
    });

    await api.post(`${base}/holds/o-2/decision`, 'gm', { release: true, reason: 'x' }).expect(403);
    const notRequested = await api
      .post(`${base}/holds/o-2/decision`, 'marketing_vp', { release: true, reason: 'x' })
      .expect(422);
    expect(notRequested.body).toMatchObject({ code: 'credit.release_not_requested', rule: 'CRD-41' });
    await api
      .post(`${base}/holds/o-2/release-requests`, 'marketing_manager', {
        creditControllerId: 'credit_controller-1',
      })
      .expect(201);
    await api
      .post(`${base}/holds/o-2/decision`, 'marketing_vp', { release: true, reason: 'key account' })
      .expect(201);
    const after = await api.get(`${base}/holds/o-2/explanation`).expect(200);
    expect(after.body).toMatchObject({
      status: 'released',
      followUps: expect.arrayContaining([expect.objectContaining({ type: 'CreditHoldReleased' })]),
    });

    const pipeline = t.app.get(EventPipeline);
    await pipeline.caughtUp();
    await eventually(async () => {
      const rows = await t.pool.query(
        `select status, reasons from ${t.config.readSchema()}.credit_holds where account_id = 'acc-hold'`,
      );
      return rows.rows[0]?.status === 'released' ? rows.rows : undefined;
    }, 'the holds queue shows the release');
  });

  it('a shipment becomes an invoice; once overdue (durable timer) the account is blocked and new credit is held', async () => {
    await creditWorthyAccount(api, 'acc-ledger', 100_000);
    const base = '/credit-accounts/acc-ledger';
    // As-of reads follow record time (what the system knew then), so the mark is a real instant.
    const beforeShipment = new Date().toISOString();
    await api
      .post(`${base}/credit-checks`, 'staff', { orderId: 'o-1', kind: 'credit_sale', amountFen: 10_000 })
      .expect(201);
    await api
      .post(`${base}/shipments`, 'staff', { orderId: 'o-1', shippedAt: '2026-07-15T02:00:00.000Z' })
      .expect(201);
    const acc = await api.get(base).expect(200);
    expect(acc.body.invoices).toEqual([
      expect.objectContaining({ invoiceId: 'o-1', dueAt: '2026-08-14T02:00:00.000Z', openFen: 10_000 }),
    ]);

    t.clock.set('2026-08-14T03:00:00.000Z');
    try {
      const blocked = await eventually(async () => {
        const res = await api.get(base).expect(200);
        return res.body.blocked === true ? res.body : undefined;
      }, 'the overdue timer blocks the account');
      expect(blocked.overdueItems).toEqual([
        { invoiceId: 'o-1', dueAt: '2026-08-14T02:00:00.000Z', openFen: 10_000 },
      ]);
      const held = await api
        .post(`${base}/credit-checks`, 'staff', { orderId: 'o-2', kind: 'credit_sale', amountFen: 1 })
        .expect(201);
      expect(held.body.reasons).toContain('overdue_invoice');
      await api
        .post(`${base}/payments`, 'credit_controller', {
          paymentId: 'pay-1',
          amountFen: 10_000,
          receivedAt: '2026-08-14T03:00:00.000Z',
        })
        .expect(201);
      const cleared = await api.get(base).expect(200);
      expect(cleared.body).toMatchObject({ blocked: false, overdueItems: [] });
      const asOf = await api.get(`${base}?asOf=${beforeShipment}`).expect(200);
      expect(asOf.body).toMatchObject({ grade: 'A', limitFen: 100_000, invoices: [], blocked: false });
      await api.get(`${base}?asOf=2000-01-01T00:00:00.000Z`).expect(404);
    } finally {
      t.clock.set('2026-07-15T02:00:00.000Z');
    }
  });

  it('durable timers: the dossier goes stale a quarter after filing and a 2-month default is escalated', async () => {
    await creditWorthyAccount(api, 'acc-timers', 100_000);
    const base = '/credit-accounts/acc-timers';
    await api
      .post(`${base}/credit-checks`, 'staff', { orderId: 'o-1', kind: 'credit_sale', amountFen: 5_000 })
      .expect(201);
    await api
      .post(`${base}/shipments`, 'staff', { orderId: 'o-1', shippedAt: '2026-07-15T02:00:00.000Z' })
      .expect(201);
    const typesOf = async (): Promise<string[]> => {
      const res = await api.get(`/audit/streams/credit-account-acc-timers`).expect(200);
      return ((res.body.events ?? res.body) as { type: string }[]).map((e) => e.type);
    };
    // Due 2026-08-14; escalation after 2 months (2026-10-14); stale on 2026-10-15.
    t.clock.set('2026-10-16T00:00:00.000Z');
    try {
      const types = await eventually(async () => {
        const all = await typesOf();
        return ['InvoiceOverdue', 'AccountBlocked', 'DefaultEscalated', 'DossierBecameStale'].every((x) =>
          all.includes(x),
        )
          ? all
          : undefined;
      }, 'overdue, escalation and stale dossier recorded by their timers');
      expect(types.filter((x) => x === 'DefaultEscalated')).toHaveLength(1);
      const held = await api
        .post(`${base}/credit-checks`, 'staff', { orderId: 'o-2', kind: 'credit_sale', amountFen: 1 })
        .expect(201);
      expect(held.body.reasons).toEqual(['overdue_invoice', 'dossier_stale']);
    } finally {
      t.clock.set('2026-07-15T02:00:00.000Z');
    }
  });

  it('contract timers: renewal opens a month before the end; the end records whether exposure cleared', async () => {
    await creditWorthyAccount(api, 'acc-contract', 100_000);
    const base = '/credit-accounts/acc-contract';
    await api
      .post(`${base}/contracts`, 'marketing_manager', {
        contractId: 'k-1',
        startsAt: '2026-07-01T00:00:00.000Z',
        endsAt: '2026-09-30T00:00:00.000Z',
      })
      .expect(201);
    await api
      .post(`${base}/credit-checks`, 'staff', { orderId: 'o-1', kind: 'credit_sale', amountFen: 3_000 })
      .expect(201);
    await api
      .post(`${base}/shipments`, 'staff', { orderId: 'o-1', shippedAt: '2026-07-15T02:00:00.000Z' })
      .expect(201);
    await api
      .post(`${base}/payments`, 'credit_controller', {
        paymentId: 'p-1',
        amountFen: 3_000,
        receivedAt: '2026-07-15T02:00:00.000Z',
      })
      .expect(201);
    const events = async () => {
      const res = await api.get('/audit/streams/credit-account-acc-contract').expect(200);
      return (res.body.events ?? res.body) as { type: string; data: Record<string, unknown> }[];
    };
    t.clock.set('2026-10-01T00:00:00.000Z');
    try {
      const ended = await eventually(async () => {
        const all = await events();
        return all.some((e) => e.type === 'ContractRenewalWindowOpened')
          ? all.find((e) => e.type === 'ContractPeriodEnded')
          : undefined;
      }, 'the renewal window and the end of the contract period');
      expect(ended.data).toMatchObject({ contractId: 'k-1', exposureClearedOnce: true, rule: 'CRD-45' });
    } finally {
      t.clock.set('2026-07-15T02:00:00.000Z');
    }
  });

  it('a limit adjustment must lower the limit (CRD-54) and takes effect after the VP, GM and chairman', async () => {
    await creditWorthyAccount(api, 'acc-adj', 50_000);
    const base = '/credit-accounts/acc-adj';
    const raise = await api
      .post(`${base}/limit-adjustments`, 'marketing_manager', { adjustmentId: 'a-1', newLimitFen: 60_000 })
      .expect(422);
    expect(raise.body).toMatchObject({ code: 'credit.adjustment_must_lower', rule: 'CRD-54' });
    await api
      .post(`${base}/limit-adjustments`, 'marketing_manager', { adjustmentId: 'a-2', newLimitFen: 40_000 })
      .expect(201);
    await api.post(`${base}/limit-adjustments/a-2/approvals`, 'gm').expect(422);
    for (const role of ['marketing_vp', 'gm', 'chairman']) {
      await api.post(`${base}/limit-adjustments/a-2/approvals`, role).expect(201);
    }
    const account = await api.get(base).expect(200);
    expect(account.body).toMatchObject({ limitFen: 40_000, pendingAdjustment: null });
    expect(account.body.reviewsDue).toEqual({
      monthly: '2026-08-15T02:00:00.000Z',
      quarterly: '2026-10-15T02:00:00.000Z',
    });
    const portfolio = await api.get('/credit-portfolio').expect(200);
    expect(portfolio.body.limits).toMatchObject({ 'acc-adj': 40_000 });
  });

  it('read models: exposure and utilisation, holds queue, review calendar and portfolio', async () => {
    await t.app.get(EventPipeline).caughtUp();
    const read = t.config.readSchema();
    const accounts = await t.pool.query(
      `select account_id, grade, limit_fen::int, exposure_fen::int from ${read}.credit_accounts where account_id = 'acc-hold'`,
    );
    expect(accounts.rows).toEqual([
      { account_id: 'acc-hold', grade: 'A', limit_fen: 50_000, exposure_fen: 50_001 },
    ]);
    const calendar = await t.pool.query(
      `select item from ${read}.credit_review_calendar where account_id = 'acc-flow' order by item`,
    );
    expect(calendar.rows.map((r: { item: string }) => r.item)).toEqual([
      'monthly_review',
      'quarterly_review',
    ]);
    const portfolio = await t.pool.query(
      `select cap_fen::bigint as cap, total_active_limits_fen as total from ${read}.credit_portfolio`,
    );
    expect(Number(portfolio.rows[0]?.total)).toBeLessThanOrEqual(Number(portfolio.rows[0]?.cap));
    const grades = await t.pool.query(
      `select grade, count(*)::int as n from ${read}.credit_accounts group by grade`,
    );
    expect(grades.rows).toEqual(expect.arrayContaining([expect.objectContaining({ grade: 'A' })]));
  });

  it('publishes the public contract events on the credit topic (e.g. the hold, with its reasons)', async () => {
    const consumer = new Kafka({
      clientId: 'credit-topic-reader',
      brokers: t.config.kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).consumer({ groupId: `credit-topic-reader-${t.config.SCHEMA}` });
    const seen: { type: string; data: Record<string, unknown> }[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: t.config.CREDIT_TOPIC, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(
            JSON.parse(message.value?.toString() ?? '{}') as { type: string; data: Record<string, unknown> },
          );
        },
      });
      const held = await eventually(
        async () => seen.find((e) => e.type === 'CreditSaleHeld' && e.data['accountId'] === 'acc-hold'),
        'the hold on the credit topic',
      );
      expect(held.data).toMatchObject({
        customerId: 'acc-hold',
        orderId: 'o-2',
        amountFen: 20_001,
        reasons: ['over_limit'],
        policyVersion: 'v1',
      });
      expect(held.data).not.toHaveProperty('snapshot');
      await eventually(
        async () => seen.find((e) => e.type === 'CreditLimitAdjusted' && e.data['accountId'] === 'acc-adj'),
        'the adjustment on the credit topic',
      );
    } finally {
      await consumer.disconnect();
      await deleteTestKafkaResources(
        { groups: [`credit-topic-reader-${t.config.SCHEMA}`] },
        t.config.kafkaBrokers(),
      );
    }
  });

  it('a new policy version adopted by the GM governs later decisions, which record it', async () => {
    await creditWorthyAccount(api, 'acc-policy', 50_000);
    const broken = await api
      .post('/policies/credit/versions', 'gm', {
        version: 'v2',
        effectiveFrom: '2026-07-15T01:00:00.000Z',
        params: { ...CREDIT_POLICY_V1, averagingMonths: 'six' },
        reason: 'typo',
      })
      .expect(201);
    expect(broken.body).toMatchObject({ version: 'v2' });
    const refused = await api
      .post('/credit-accounts/acc-policy/credit-checks', 'staff', {
        orderId: 'o-0',
        kind: 'credit_sale',
        amountFen: 1,
      })
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'credit.policy_invalid',
      details: { version: 'v2', param: 'averagingMonths' },
    });
    await api
      .post('/policies/credit/versions', 'gm', {
        version: 'v3',
        effectiveFrom: '2026-07-15T01:30:00.000Z',
        params: { ...CREDIT_POLICY_V1, temporaryTermDaysB: 10 },
        reason: 'shorter B temporary terms',
      })
      .expect(201);
    await api
      .post('/credit-accounts/acc-policy/credit-checks', 'staff', {
        orderId: 'o-1',
        kind: 'credit_sale',
        amountFen: 60_000,
      })
      .expect(201);
    const why = await api.get('/credit-accounts/acc-policy/holds/o-1/explanation').expect(200);
    expect(why.body).toMatchObject({ decision: 'held', policyVersion: 'v3' });
  });

  describe('refusals name the rule (422) and bad input is 4xx problem+json', () => {
    it('grade A without history asking for long-term credit: 422 CRD-32', async () => {
      const base = '/credit-accounts/acc-new';
      await api
        .post('/credit-accounts', 'credit_controller', {
          accountId: 'acc-new',
          counterpartyKind: 'supplier',
          name: 'S',
        })
        .expect(201);
      await api
        .post(`${base}/dossier`, 'account_supervisor', {
          sections: allSections(),
          facts: aFacts({ priorCreditHistory: false }),
        })
        .expect(201);
      await api.post(`${base}/dossier/review`, 'marketing_manager', { findings: 'ok' }).expect(200);
      await api.post(`${base}/dossier/filing`, 'credit_controller').expect(200);
      await api
        .post(`${base}/grade-proposals`, 'marketing_manager', {
          proposalId: 'p',
          salespersonId: 's',
          creditControllerId: 'c',
        })
        .expect(201);
      await api.post(`${base}/grade-proposals/p/reviews`, 'marketing_vp').expect(201);
      await api.post(`${base}/grade-proposals/p/reviews`, 'cfo').expect(201);
      await api.post(`${base}/grade-proposals/p/approval`, 'gm').expect(201);
      const res = await api
        .post(`${base}/grants`, 'marketing_manager', {
          grantId: 'g',
          type: 'long_term',
          limitFen: 1_000,
          termDays: 30,
        })
        .expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 422,
        code: 'credit.a_without_history_long_term',
        rule: 'CRD-32',
      });
    });

    it.each([
      [
        'a malformed credit check',
        '/credit-accounts/acc-flow/credit-checks',
        'staff',
        { orderId: 'o', kind: 'gift', amountFen: -1 },
        400,
      ],
      [
        'a fractional amount',
        '/credit-accounts/acc-flow/credit-checks',
        'staff',
        { orderId: 'o', kind: 'credit_sale', amountFen: 1.5 },
        400,
      ],
      [
        'an unknown field',
        '/credit-accounts/acc-flow/payments',
        'credit_controller',
        { paymentId: 'p', amountFen: 1, receivedAt: '2026-07-01T00:00:00Z', vip: 1 },
        400,
      ],
      [
        'a bad dossier source',
        '/credit-accounts/acc-flow/dossier',
        'account_supervisor',
        { sections: { basic_data: { content: 'x', source: 'rumour' } }, facts: aFacts() },
        400,
      ],
      [
        'a bad instant',
        '/credit-accounts/acc-flow/shipments',
        'staff',
        { orderId: 'o-1', shippedAt: 'yesterday' },
        400,
      ],
      [
        'an unknown account',
        '/credit-accounts/nobody/credit-checks',
        'staff',
        { orderId: 'o', kind: 'credit_sale', amountFen: 1 },
        404,
      ],
      ['the wrong role', '/credit-accounts/acc-flow/grants/g-1/approvals', 'staff', {}, 403],
      [
        'a shipment of an unknown order',
        '/credit-accounts/acc-flow/shipments',
        'staff',
        { orderId: 'nope', shippedAt: '2026-07-01T00:00:00Z' },
        400,
      ],
    ])('%s', async (_what, path, role, body, status) => {
      const res = await api.post(path, role, body).expect(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status });
    });

    it('a role without credit access cannot read an account (403)', async () => {
      const token = await t.token('cs_agent');
      const res = await request(api.server)
        .get('/credit-accounts/acc-flow')
        .set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('malformed JSON is 400 and an absurd path id is 404', async () => {
      const res = await api
        .post('/credit-accounts/acc-flow/credit-checks', 'staff')
        .set('Content-Type', 'application/json')
        .send('{"orderId":');
      expect(res.status).toBe(400);
      await api.get(`/credit-accounts/${'x'.repeat(300)}`).expect(404);
      await api.get('/credit-accounts/acc-flow?asOf=not-a-date').expect(400);
      await api.get('/credit-accounts/acc-flow/holds/none/explanation').expect(404);
    });
  });
});
