/**
 * The approvals inbox under a full table: 10,000 open approval items in the credit service's
 * work-items read model (written with the platform's `upsertWorkItem`, as the projection writes
 * them), then `GET /work-items?category=approval` over HTTP for approvers whose share differs:
 * the GM (sees every item, the worst case), the marketing VP (a quarter) and the chairman (a few).
 * First pages and a walk through later pages by cursor. Target: p95 under 200 ms.
 *
 *   node -r @swc-node/register bench/approvals-inbox.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS (the app starts its pipeline), BENCH_APPROVALS_ITEMS
 * (10000), BENCH_APPROVALS_RUNS (200 per caller).
 */
import type { Server } from 'node:http';
import request from 'supertest';
import { mintToken } from '@crm/nest';
import { upsertWorkItem, WORK_ITEMS, type ProjectionContext, type WorkItemRow } from '@crm/projections';
import { qualifiedName } from '@crm/postgres';
import { startCreditTestApp, TEST_JWT_SECRET } from '../services/credit/src/testing/credit-test-app';
import { numberFromEnv, printJson } from './support/bench-env';
import { describeLoad, machineSnapshot } from './support/machine';
import { formatTable, median, nowMs, percentile, round } from './support/stats';

const ROLES = ['gm', 'gm', 'marketing_vp', 'cfo'];

/** Item `i`: a grant, grade or hold approval with the shape the credit projection writes. */
const itemOf = (i: number): WorkItemRow => {
  const accountId = `bench-acc-${i % 2_000}`;
  const role = i % 500 === 0 ? 'chairman' : (ROLES[i % ROLES.length] ?? 'gm');
  const path = `/credit-accounts/${accountId}`;
  return {
    id: `grant:${accountId}:g-${i}:0:${role}`,
    kind: 'grantToApprove',
    titleKey: 'workItems.credit.grantToApprove',
    titleParams: { accountId, accountName: `账户 ${i}`, grantId: `g-${i}`, grade: 'A', limitFen: 5_000_000 },
    dueAt: i % 3 === 0 ? null : new Date(Date.UTC(2026, 7, 1) + (i % 97) * 3_600_000).toISOString(),
    priority: i % 7 === 0 ? 'high' : 'normal',
    link: path,
    audience: { role },
    approval: {
      requestedBy: 'marketing_manager-1',
      requestedAt: '2026-07-15T02:00:00.000Z',
      basis: { grade: 'A', grantType: 'long_term', limitFen: 5_000_000, termDays: 30 },
      rule: 'CRD-32',
      approve: { method: 'POST', path: `${path}/grants/g-${i}/approvals`, withReason: false },
      refuse: {
        method: 'POST',
        path: `${path}/approval-refusals`,
        body: { subject: 'grant', subjectId: `g-${i}` },
        withReason: true,
      },
      reasons: ['insufficient_basis', 'exposure_too_high', 'other'],
    },
  };
};

const main = async (): Promise<void> => {
  const total = numberFromEnv('BENCH_APPROVALS_ITEMS', 10_000);
  const runs = numberFromEnv('BENCH_APPROVALS_RUNS', 200);
  const before = machineSnapshot();
  console.log(describeLoad('before', before));
  const t = await startCreditTestApp();
  try {
    const readSchema = t.config.readSchema();
    const client = await t.pool.connect();
    const seeded = nowMs();
    try {
      await client.query('BEGIN');
      const ctx = {
        manager: {
          query: (sql: string, params?: unknown[]) => client.query(sql, params).then((r) => r.rows),
        },
        table: (name: string) => qualifiedName(readSchema, name),
      } as unknown as ProjectionContext;
      for (let i = 0; i < total; i += 1) await upsertWorkItem(ctx, itemOf(i));
      await client.query('COMMIT');
      await client.query(`ANALYZE ${qualifiedName(readSchema, WORK_ITEMS)}`);
    } finally {
      client.release();
    }
    const seedMs = nowMs() - seeded;
    // Through the app's HTTP stack (guards, validation, serialisation), as the tests call it.
    const server = t.app.getHttpServer() as Server;
    const rows: (string | number)[][] = [];
    const results: Record<string, unknown> = {};
    for (const role of ['gm', 'marketing_vp', 'chairman']) {
      const token = await mintToken(
        { sub: `${role}-1`, roles: [role], bu: 'bu-credit' },
        TEST_JWT_SECRET,
        '30m',
      );
      const get = async (after?: string) => {
        const started = nowMs();
        const response = await request(server)
          .get('/work-items')
          .query({ category: 'approval', limit: 50, ...(after ? { after } : {}) })
          .set('Authorization', `Bearer ${token}`);
        const body = response.body as { items: unknown[]; nextCursor: string | null };
        if (response.status !== 200) throw new Error(`work-items answered ${response.status}`);
        return { ms: nowMs() - started, body };
      };
      for (let i = 0; i < 20; i += 1) await get(); // warm-up: connections, plans
      const first: number[] = [];
      let visible = 0;
      for (let i = 0; i < runs; i += 1) {
        const { ms, body } = await get();
        first.push(ms);
        visible = body.items.length;
      }
      // Later pages: walk by cursor from the start, as someone paging through would.
      const later: number[] = [];
      let cursor: string | null = (await get()).body.nextCursor;
      while (cursor !== null && later.length < runs) {
        const { ms, body } = await get(cursor);
        later.push(ms);
        cursor = body.nextCursor;
      }
      const [{ n }] = (
        await t.pool.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${qualifiedName(readSchema, WORK_ITEMS)} WHERE audience_role = $1`,
          [role],
        )
      ).rows as [{ n: number }];
      const row = {
        caller: role,
        itemsVisible: n,
        firstPageItems: visible,
        firstP50: round(median(first)),
        firstP95: round(percentile(first, 95)),
        laterPages: later.length,
        laterP50: later.length ? round(median(later)) : null,
        laterP95: later.length ? round(percentile(later, 95)) : null,
      };
      rows.push(Object.values(row).map((v) => (v === null ? '—' : v)));
      results[role] = row;
    }
    console.log(
      formatTable(
        ['caller', 'visible', 'page', 'first p50', 'first p95', 'later pages', 'later p50', 'later p95'],
        rows,
      ),
    );
    const after = machineSnapshot();
    console.log(describeLoad('after', after));
    printJson({
      benchmark: 'approvals-inbox',
      openItems: total,
      seedMs: round(seedMs),
      runs,
      results,
      before,
      after,
    });
  } finally {
    await t.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
