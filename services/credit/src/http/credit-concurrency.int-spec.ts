import type { INestApplication } from '@nestjs/common';
import { createTestApp } from '@crm/nest';
import { creditModule } from '../credit.module';
import { startCreditTestApp, type CreditTestApp } from '../testing/credit-test-app';
import {
  creditApi,
  creditWorthyAccount,
  seenStatuses,
  setPortfolioCap,
  type CreditApi,
} from '../testing/credit-flow';

jest.setTimeout(300_000);

const ROUNDS = 10;
const PARALLEL = 20;

/** Deterministic amounts per round so a failure can be replayed: 3,000..11,999 fen. */
const amountsFor = (round: number): number[] =>
  Array.from({ length: PARALLEL }, (_, i) => 3_000 + ((round * 7_919 + i * 104_729) % 9_000));

describe('credit checks and grants under real concurrency (HTTP, PostgreSQL)', () => {
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

  it(`${PARALLEL} parallel credit sales, ${ROUNDS} rounds: the approved total never exceeds the limit`, async () => {
    const limitFen = 60_000;
    for (let round = 0; round < ROUNDS; round++) {
      const accountId = `acc-race-${round}`;
      await creditWorthyAccount(api, accountId, limitFen);
      const amounts = amountsFor(round);
      const responses = await Promise.all(
        amounts.map((amountFen, i) =>
          api.post(`/credit-accounts/${accountId}/credit-checks`, 'staff', {
            orderId: `o-${i}`,
            kind: 'credit_sale',
            amountFen,
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(amounts.map(() => 201));
      const approved = responses.flatMap((r, i) => (r.body.decision === 'approved' ? [amounts[i] ?? 0] : []));
      const held = responses.filter((r) => r.body.decision === 'held');
      const approvedTotal = approved.reduce((a, b) => a + b, 0);

      expect(approvedTotal).toBeLessThanOrEqual(limitFen);
      expect(approved.length).toBeGreaterThan(0);
      expect(held.length).toBeGreaterThan(0);
      // Every hold was for the limit alone, and the account's own view agrees with the answers.
      for (const h of held) expect(h.body.reasons).toEqual(['over_limit']);
      const account = await api.get(`/credit-accounts/${accountId}`).expect(200);
      expect(account.body.exposureFen).toBe(approvedTotal);
      // Each held order was decided on an exposure that left no room for it.
      for (const [i, r] of responses.entries()) {
        if (r.body.decision !== 'held') continue;
        const why = await api.get(`/credit-accounts/${accountId}/holds/o-${i}/explanation`).expect(200);
        expect(why.body.exposureFen + (amounts[i] ?? 0)).toBeGreaterThan(limitFen);
      }
    }
  });

  it('two replicas on one database: parallel sales split across them never exceed the limit', async () => {
    // Within one process the executor queues an account's decisions; across processes only the
    // event store's expected-version check keeps the limit, which this race exercises.
    const replica: INestApplication = await createTestApp(creditModule(t.config, { clock: t.clock }));
    try {
      const apis = [api, await creditApi({ ...t, app: replica as CreditTestApp['app'] })];
      const limitFen = 60_000;
      for (let round = 0; round < 5; round++) {
        const accountId = `acc-replicas-${round}`;
        await creditWorthyAccount(api, accountId, limitFen);
        const amounts = amountsFor(round + ROUNDS);
        const responses = await Promise.all(
          amounts.map((amountFen, i) =>
            (apis[i % 2] as CreditApi).post(`/credit-accounts/${accountId}/credit-checks`, 'staff', {
              orderId: `o-${i}`,
              kind: 'credit_sale',
              amountFen,
            }),
          ),
        );
        expect(responses.map((r) => r.status)).toEqual(amounts.map(() => 201));
        const approvedTotal = responses.reduce(
          (sum, r, i) => sum + (r.body.decision === 'approved' ? (amounts[i] ?? 0) : 0),
          0,
        );
        expect(approvedTotal).toBeLessThanOrEqual(limitFen);
        const account = await api.get(`/credit-accounts/${accountId}`).expect(200);
        expect(account.body.exposureFen).toBe(approvedTotal);
      }
    } finally {
      await replica.close();
    }
  });

  it('the portfolio cap holds when the last approvals of several grants race', async () => {
    const limitFen = 10_000_000; // the fixture's monthly averages allow exactly this much
    const ids = ['acc-cap-0', 'acc-cap-1', 'acc-cap-2', 'acc-cap-3'];
    for (const id of ids) await creditWorthyAccount(api, id, limitFen, { withoutChairman: true });
    const before = await api.get('/credit-portfolio').expect(200);
    // Room for two of the four limits.
    const capFen = (before.body.totalActiveLimitsFen as number) + 2 * limitFen;
    await api
      .post('/credit-portfolio/cap', 'cfo', { baseDate: '2026-01-01', receivablesBalanceFen: capFen })
      .expect(201);

    const responses = await Promise.all(
      ids.map((id) => api.post(`/credit-accounts/${id}/grants/g-1/approvals`, 'chairman')),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 201, 422, 422]);
    for (const r of responses.filter((x) => x.status === 422)) {
      expect(r.body).toMatchObject({ code: 'credit.portfolio_cap_exceeded', rule: 'CRD-31' });
    }
    const after = await api.get('/credit-portfolio').expect(200);
    expect(after.body.totalActiveLimitsFen).toBe(capFen);
    const effective = await Promise.all(ids.map((id) => api.get(`/credit-accounts/${id}`).expect(200)));
    expect(effective.filter((r) => r.body.limitFen === limitFen)).toHaveLength(2);
  });
});
