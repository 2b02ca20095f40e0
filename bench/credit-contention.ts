/**
 * Credit sales racing on one account: the credit service's own executor (load the account stream,
 * decide, append at the loaded version, re-decide after a conflict) on the PostgreSQL event store,
 * at several concurrency levels. Decisions/s, p50/p99 per decision, and how many appends lost a
 * version race.
 *
 *   node -r @swc-node/register bench/credit-contention.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS (the app starts its relay), BENCH_CREDIT_CONCURRENCY
 * (1,5,20), BENCH_CREDIT_WARMUP_S (1), BENCH_CREDIT_DURATION_S (5).
 */
import { randomUUID } from 'node:crypto';
import { creditAccountStreamId } from '@crm/credit-domain';
import { EVENT_STORE } from '@crm/nest';
import { CreditAccountExecutor } from '../services/credit/src/application/credit-account.executor';
import { startCreditTestApp } from '../services/credit/src/testing/credit-test-app';
import { creditApi, creditWorthyAccount, setPortfolioCap } from '../services/credit/src/testing/credit-flow';
import { closedLoop, listFromEnv, type LoopResult } from './support/closed-loop';
import { countConflicts } from './support/conflict-counter';
import { numberFromEnv, printJson } from './support/bench-env';
import { describeLoad, machineSnapshot } from './support/machine';
import { formatTable } from './support/stats';

/** The fixture's six monthly averages allow a limit of exactly this much (see credit-flow). */
const LIMIT_FEN = 10_000_000;
/** Small enough that no run comes near the limit: every decision is an approval on a growing exposure. */
const SALE_FEN = 100;

interface LevelResult extends LoopResult {
  readonly conflicts: number;
  readonly conflictsPerAppend: number;
  /** Events on the account stream after the level: every decision re-reads the whole stream. */
  readonly streamEvents: number;
}

const main = async (): Promise<void> => {
  const levels = listFromEnv('BENCH_CREDIT_CONCURRENCY', [1, 5, 20]);
  const warmupMs = numberFromEnv('BENCH_CREDIT_WARMUP_S', 1) * 1000;
  const durationMs = numberFromEnv('BENCH_CREDIT_DURATION_S', 5) * 1000;
  const before = machineSnapshot();
  console.log(describeLoad('before', before));
  const t = await startCreditTestApp();
  const results: LevelResult[] = [];
  try {
    const api = await creditApi(t);
    await setPortfolioCap(api, 1_000_000_000);
    const executor = t.app.get(CreditAccountExecutor);
    const counter = countConflicts(t.app.get(EVENT_STORE));
    const actor = { id: 'staff-1', role: 'staff', bu: 'bu-credit' };
    for (const workers of levels) {
      // A fresh account per level, so each level starts from the same stream length.
      const accountId = `bench-acc-c${workers}`;
      await creditWorthyAccount(api, accountId, LIMIT_FEN);
      const conflictsBefore = counter.conflicts();
      // Conflicts are counted over warm-up too; scale them to the measured decisions below.
      const appendsBefore = counter.appends();
      const loop = await closedLoop(workers, warmupMs, durationMs, async (w, n) => {
        const { events } = await executor.execute(
          accountId,
          { type: 'CheckCredit', data: { orderId: `o-${w}-${n}`, kind: 'credit_sale', amountFen: SALE_FEN } },
          { actor, now: t.clock.now(), commandId: randomUUID(), correlationId: randomUUID() },
        );
        return events[0]?.type ?? 'no-event';
      });
      const conflicts = counter.conflicts() - conflictsBefore;
      const appended = counter.appends() - appendsBefore;
      const stream = await t.pool.query<{ n: string }>(
        `select count(*) as n from "${t.config.SCHEMA}".events where stream_id = $1`,
        [creditAccountStreamId(accountId)],
      );
      const result: LevelResult = {
        ...loop,
        conflicts,
        conflictsPerAppend: appended === 0 ? 0 : Math.round((conflicts / appended) * 100) / 100,
        streamEvents: Number(stream.rows[0]?.n ?? 0),
      };
      results.push(result);
      console.log(
        `concurrency ${workers}: ${result.decisionsPerSecond} decisions/s, p50 ${result.p50Ms} ms, ` +
          `p99 ${result.p99Ms} ms, ${conflicts} version conflicts over ${appended} appends, errors ${result.errors}`,
      );
    }
    const after = machineSnapshot();
    console.log(describeLoad('after', after));
    console.log(`\n${durationMs / 1000} s measured after ${warmupMs / 1000} s warm-up per level:\n`);
    console.log(
      formatTable(
        [
          'concurrency',
          'decisions/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'conflicts',
          'conflicts/append',
          'outcomes',
          'errors',
        ],
        results.map((r) => [
          String(r.workers),
          r.decisionsPerSecond,
          r.p50Ms,
          r.p99Ms,
          r.maxMs,
          r.conflicts,
          r.conflictsPerAppend,
          Object.entries(r.outcomes)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
          r.errors,
        ]),
      ),
    );
    printJson({
      bench: 'credit-contention',
      settings: { levels, warmupMs, durationMs, limitFen: LIMIT_FEN, saleFen: SALE_FEN },
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
