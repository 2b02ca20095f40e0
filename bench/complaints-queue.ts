/**
 * The complaints desk's queue with 10,000 open cases: `GET /queue` over HTTP (JWT, validation, the
 * read-model query with its count, and the working-time countdown of each row on the calendar in
 * force), as each role sees it and with the desk's filters. The cases are registered through the
 * service's own RegisterCaseHandler (events, deadlines, timers) and projected into case_overview
 * before anything is timed. p50/p95/max per query shape.
 *
 *   node -r @swc-node/register bench/complaints-queue.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS, BENCH_QUEUE_CASES (10000), BENCH_QUEUE_REQUESTS (200 per
 * shape), BENCH_QUEUE_CONCURRENCY (1,10).
 */
import type { AddressInfo } from 'node:net';
import { eventually } from '@crm/testing';
import { RegisterCaseHandler } from '../services/complaints/src/application/register-case.handler';
import { startComplaintsTestApp } from '../services/complaints/src/testing/complaints-test-app';
import { listFromEnv } from './support/closed-loop';
import { numberFromEnv, printJson } from './support/bench-env';
import { describeLoad, machineSnapshot } from './support/machine';
import { formatTable, nowMs, percentile, round } from './support/stats';

const KINDS = ['complaint', 'grievance', 'inquiry', 'complaint'] as const;
const BUS = ['bu-1', 'bu-2', 'bu-3', 'bu-4', 'bu-5'];
const AGENTS = ['agent-1', 'agent-2', 'agent-3', 'agent-4'];
// Registered in April first, then March, and queried on 2 March before any deadline: no timer fires
// while seeding (a month holds at most 9,999 numbers, hence two months).
const SEED_MONTHS = ['2026-04-01T01:30:00Z', '2026-03-02T01:30:00Z'];
const QUERY_AT = '2026-03-02T02:00:00Z';

const main = async (): Promise<void> => {
  const total = numberFromEnv('BENCH_QUEUE_CASES', 10_000);
  const requests = numberFromEnv('BENCH_QUEUE_REQUESTS', 200);
  const levels = listFromEnv('BENCH_QUEUE_CONCURRENCY', [1, 10]);
  const t = await startComplaintsTestApp(SEED_MONTHS[0]);
  try {
    const handler = t.app.get(RegisterCaseHandler);
    const seedStart = nowMs();
    let seeded = 0;
    for (const month of SEED_MONTHS) {
      t.clock.set(month);
      const inMonth = Math.ceil(total / SEED_MONTHS.length);
      const register = async (worker: number) => {
        for (let i = worker; i < inMonth && seeded < total; i += 10) {
          seeded += 1;
          const n = seeded;
          await handler.handle(
            {
              kind: KINDS[n % KINDS.length] as (typeof KINDS)[number],
              channel: 'hotline',
              customerId: `cust-${n}`,
              subject: `queue bench ${n}`,
              description: 'd',
              concernedEmployeeId: `emp-${n % 50}`,
              concernedBu: BUS[n % BUS.length] as string,
            },
            { ...t.ctx(), actor: { id: AGENTS[n % AGENTS.length] as string, role: 'cs_agent', bu: 'bu-cs' } },
          );
        }
      };
      await Promise.all(Array.from({ length: 10 }, (_, w) => register(w)));
    }
    const seedSeconds = round((nowMs() - seedStart) / 1000);
    t.clock.set(QUERY_AT);
    await eventually(
      async () => {
        const { rows } = await t.pool.query(
          `SELECT count(*)::int AS n FROM ${t.config.readSchema()}.case_overview WHERE status = 'registered'`,
        );
        return (rows[0] as { n: number }).n >= total ? true : undefined;
      },
      'the projection caught up',
      600_000,
      500,
    );
    console.log(`seeded ${total} open cases in ${seedSeconds} s (registration + projection)`);

    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const token = (sub: string, role: string, bu?: string) =>
      t.token({ sub, roles: [role], ...(bu ? { bu } : {}) });
    const shapes: { name: string; path: string; bearer: string }[] = [
      {
        name: 'cs_manager, all 10,000, page 1',
        path: '/queue',
        bearer: await token('csm-1', 'cs_manager', 'bu-cs'),
      },
      { name: 'gm, page 200 (deep)', path: '/queue?page=200&limit=50', bearer: await token('gm-1', 'gm') },
      {
        name: 'cs_manager, kind + BU + severity',
        path: '/queue?kind=grievance&bu=bu-3&severity=general',
        bearer: await token('csm-1', 'cs_manager', 'bu-cs'),
      },
      { name: 'bu_manager, own BU', path: '/queue', bearer: await token('bum-2', 'bu_manager', 'bu-2') },
      {
        name: 'cs_agent, own cases',
        path: '/queue?status=registered',
        bearer: await token('agent-2', 'cs_agent', 'bu-cs'),
      },
    ];
    const before = machineSnapshot();
    console.log(describeLoad('before', before));
    const results: Record<string, unknown>[] = [];
    for (const shape of shapes) {
      for (const workers of levels) {
        const latencies: number[] = [];
        let failures = 0;
        let items = 0;
        let next = 0;
        const call = async () => {
          const t0 = nowMs();
          const response = await fetch(base + shape.path, {
            headers: { Authorization: `Bearer ${shape.bearer}` },
          });
          const body = (await response.json()) as { items?: unknown[]; total?: number };
          latencies.push(nowMs() - t0);
          if (!response.ok) failures += 1;
          items = body.total ?? items;
        };
        for (let i = 0; i < 10; i++) await call(); // warm-up
        latencies.length = 0;
        await Promise.all(
          Array.from({ length: workers }, async () => {
            while (next < requests) {
              next += 1;
              await call();
            }
          }),
        );
        const row = {
          shape: shape.name,
          workers,
          requests: latencies.length,
          matching: items,
          p50Ms: round(percentile(latencies, 50)),
          p95Ms: round(percentile(latencies, 95)),
          maxMs: round(Math.max(...latencies)),
          failures,
        };
        results.push(row);
        console.log(JSON.stringify(row));
      }
    }
    const after = machineSnapshot();
    console.log(describeLoad('after', after));
    console.log(
      formatTable(
        ['query', 'concurrency', 'requests', 'matching', 'p50 ms', 'p95 ms', 'max ms', 'failures'],
        results.map((r) => [
          String(r['shape']),
          String(r['workers']),
          String(r['requests']),
          String(r['matching']),
          String(r['p50Ms']),
          String(r['p95Ms']),
          String(r['maxMs']),
          String(r['failures']),
        ]),
      ),
    );
    printJson({
      bench: 'complaints-queue',
      settings: { total, requests, levels },
      seedSeconds,
      machine: { before, after },
      results,
    });
  } finally {
    await t.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
