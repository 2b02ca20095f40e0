/**
 * Case registration under concurrency: the complaints service's own RegisterCaseHandler (policy,
 * deadline, then one transaction with the month's row-locked YYMM-NNNN counter, the subject index,
 * the case stream and its deadline timers) on PostgreSQL. Every registration of a month updates the
 * same counter row, so concurrent registrations queue on that lock until each commits.
 * Registrations/s and p50/p99 per registration; the numbers handed out are checked gap-free.
 *
 *   node -r @swc-node/register bench/complaints-registration.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS (the app starts its relay and directory consumer),
 * BENCH_COMPLAINTS_CONCURRENCY (1,10,50), BENCH_COMPLAINTS_WARMUP_S (1), BENCH_COMPLAINTS_DURATION_S (5).
 */
import { RegisterCaseHandler } from '../services/complaints/src/application/register-case.handler';
import { startComplaintsTestApp } from '../services/complaints/src/testing/complaints-test-app';
import { closedLoop, listFromEnv, type LoopResult } from './support/closed-loop';
import { numberFromEnv, printJson } from './support/bench-env';
import { describeLoad, machineSnapshot } from './support/machine';
import { formatTable } from './support/stats';

interface LevelResult extends LoopResult {
  readonly month: string;
  /** Numbers handed out in the level (warm-up included) and whether they are exactly 0001..n. */
  readonly numbersIssued: number;
  readonly gapFree: boolean;
}

/** Each level registers in its own month, so each starts a fresh counter at 0001 (and stays far below 9999). */
const monthStart = (index: number): string => new Date(Date.UTC(2026, index, 15, 2, 0, 0)).toISOString();

const gapFree = (numbers: readonly string[]): boolean => {
  const serials = numbers.map((n) => Number(n.split('-')[1])).sort((a, b) => a - b);
  return serials.every((s, i) => s === i + 1);
};

const main = async (): Promise<void> => {
  const levels = listFromEnv('BENCH_COMPLAINTS_CONCURRENCY', [1, 10, 50]);
  const warmupMs = numberFromEnv('BENCH_COMPLAINTS_WARMUP_S', 1) * 1000;
  const durationMs = numberFromEnv('BENCH_COMPLAINTS_DURATION_S', 5) * 1000;
  const before = machineSnapshot();
  console.log(describeLoad('before', before));
  const t = await startComplaintsTestApp(monthStart(0));
  const results: LevelResult[] = [];
  try {
    const handler = t.app.get(RegisterCaseHandler);
    for (const [index, workers] of levels.entries()) {
      t.clock.set(monthStart(index));
      const numbers: string[] = [];
      const loop = await closedLoop(workers, warmupMs, durationMs, async (w, n) => {
        const registered = await handler.handle(
          {
            kind: 'complaint',
            channel: 'hotline',
            customerId: `cust-${workers}-${w}-${n}`,
            // A subject of its own: severity stays general, no cluster timers beyond the deadline ones.
            subject: `bench subject ${workers}-${w}-${n}`,
            description: 'late delivery',
            concernedEmployeeId: 'emp-9',
            concernedBu: 'bu-1',
          },
          t.ctx(),
        );
        numbers.push(registered.number);
        return 'registered';
      });
      const result: LevelResult = {
        ...loop,
        month: numbers[0]?.split('-')[0] ?? '',
        numbersIssued: numbers.length,
        gapFree: gapFree(numbers) && new Set(numbers).size === numbers.length,
      };
      results.push(result);
      console.log(
        `concurrency ${workers}: ${result.decisionsPerSecond} registrations/s, p50 ${result.p50Ms} ms, ` +
          `p99 ${result.p99Ms} ms, ${result.numbersIssued} numbers issued, gap-free ${result.gapFree}, errors ${result.errors}`,
      );
    }
    const after = machineSnapshot();
    console.log(describeLoad('after', after));
    console.log(`\n${durationMs / 1000} s measured after ${warmupMs / 1000} s warm-up per level:\n`);
    console.log(
      formatTable(
        [
          'concurrency',
          'registrations/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'numbers issued',
          'gap-free',
          'errors',
        ],
        results.map((r) => [
          String(r.workers),
          r.decisionsPerSecond,
          r.p50Ms,
          r.p99Ms,
          r.maxMs,
          `${r.month}-0001..${r.month}-${String(r.numbersIssued).padStart(4, '0')}`,
          r.gapFree ? 'yes' : 'NO',
          r.errors,
        ]),
      ),
    );
    printJson({
      bench: 'complaints-registration',
      settings: { levels, warmupMs, durationMs },
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
