/**
 * End-to-end latency from `POST /customers` (customers service) to the customer being in the
 * complaints service's customer directory, at a fixed arrival rate (issue 2, item 10).
 *
 *   node -r @swc-node/register bench/e2e-latency.ts
 *
 * Env: TEST_DATABASE_URL, KAFKA_BROKERS, BENCH_E2E_RATE (200 per second; a comma list such as
 * `50,100,200` measures each rate in turn on the same services), BENCH_E2E_SECONDS (30),
 * BENCH_E2E_WARMUP_S (5), BENCH_E2E_SAMPLE_EVERY (20: every n-th customer is also polled over HTTP),
 * BENCH_E2E_LOG_LEVEL (warn; the services' LOG_LEVEL).
 */
import { requireKafka, requirePostgres, uniqueSuffix } from '@crm/testing';
import { numberFromEnv, printJson } from './support/bench-env';
import { cpuInterval, pidsMatching, type CpuReport } from './support/cpu-usage';
import { analyse, type PhaseResult } from './support/e2e-analysis';
import { diagnoseMissing } from './support/e2e-diagnosis';
import { POLL_TICK_MS, POLLS_PER_TICK, runPhase } from './support/e2e-phase';
import { startE2eSystem, type E2eSystem } from './support/e2e-system';
import { describeLoad, machineSnapshot, type MachineSnapshot } from './support/machine';
import { formatTable, round } from './support/stats';
import { waitForShortTransactions, watchTransactionAges, type OldTransaction } from './support/xmin-watch';

interface RateRun {
  readonly result: PhaseResult;
  readonly cpu: CpuReport;
  readonly cpuMsPerCommand: Readonly<Record<string, number>>;
  readonly waitedForLongTransactionsSeconds: number;
  readonly longestForeignTransaction: { readonly maxAgeSeconds: number; readonly worst?: OldTransaction };
  readonly machine: { readonly before: MachineSnapshot; readonly after: MachineSnapshot };
}

const measureRate = async (
  system: E2eSystem,
  rate: number,
  seconds: number,
  sampleEvery: number,
): Promise<RateRun> => {
  // A long transaction anywhere on the cluster freezes the gap-safe relay; measuring through one
  // would time the other session, not this pipeline.
  const quiet = await waitForShortTransactions(system.pool, 2, 600_000);
  const before = machineSnapshot();
  const cpu = cpuInterval({
    'customers service': () => [system.customers.pid],
    'complaints service': () => [system.complaints.pid],
    'postgres (all sessions)': () => pidsMatching('postgres'),
    'kafka broker': () => pidsMatching('kafka.Kafka'),
  });
  const transactions = watchTransactionAges(system.pool);
  const phase = await runPhase(system, rate, seconds, sampleEvery);
  const result = analyse(phase, rate, seconds);
  const longestForeignTransaction = await transactions.stop();
  const cpuReport = cpu.finish();
  const after = machineSnapshot();
  const cpuMsPerCommand = Object.fromEntries(
    Object.entries(cpuReport.processCpuSeconds).map(([name, s]) => [
      name,
      round((s * 1000) / Math.max(1, result.sent), 2),
    ]),
  );

  console.log(`\n=== ${rate}/s for ${seconds} s`);
  console.log(describeLoad('before', before));
  console.log(describeLoad('after', after));
  console.log(
    `sent ${result.sent} (achieved ${result.achievedSendRate}/s), responses ${JSON.stringify(result.responses)}, ` +
      `errors ${result.errors}, not visible ${result.notVisible}, directory probes ${result.directoryProbeRequests}\n`,
  );
  console.log(
    formatTable(
      ['latency (ms)', 'n', 'p50', 'p95', 'p99', 'max'],
      result.latenciesMs.map((d) => [d.label, d.count, d.p50, d.p95, d.p99, d.max]),
    ),
  );
  if (result.errorSamples.length > 0) console.log(`error samples: ${result.errorSamples.join(' | ')}`);
  const missing = phase.commands.flatMap((c) =>
    c.customerId !== undefined && c.committedAt === undefined ? [c.customerId] : [],
  );
  if (missing.length > 0) await diagnoseMissing(system, missing);
  console.log(
    `CPU, % of one core (machine ${cpuReport.machineBusyPercent}% busy over ${cpuReport.wallSeconds} s):`,
  );
  console.log(
    Object.entries(cpuReport.processCorePercent)
      .map(([name, percent]) => `  ${name} ${percent}% (${cpuMsPerCommand[name]} ms per command)`)
      .join('\n'),
  );
  console.log(
    `waited ${quiet.waitedSeconds} s for other sessions' long transactions; ` +
      `oldest transaction seen during the run: ${longestForeignTransaction.maxAgeSeconds} s`,
  );
  return {
    result,
    cpu: cpuReport,
    cpuMsPerCommand,
    waitedForLongTransactionsSeconds: quiet.waitedSeconds,
    longestForeignTransaction,
    machine: { before, after },
  };
};

const summaryTable = (runs: readonly RateRun[]): string => {
  const pick = (run: RateRun, index: number) => run.result.latenciesMs[index];
  return formatTable(
    [
      'target/s',
      'achieved/s',
      'errors',
      'e2e p50',
      'e2e p95',
      'e2e p99',
      'POST p50',
      'POST p95',
      'POST p99',
      'CPU busy',
    ],
    runs.map((run) => [
      String(run.result.targetRate),
      run.result.achievedSendRate,
      run.result.errors + run.result.notVisible,
      pick(run, 0)?.p50 ?? '',
      pick(run, 0)?.p95 ?? '',
      pick(run, 0)?.p99 ?? '',
      pick(run, 2)?.p50 ?? '',
      pick(run, 2)?.p95 ?? '',
      pick(run, 2)?.p99 ?? '',
      `${run.cpu.machineBusyPercent}%`,
    ]),
  );
};

const main = async (): Promise<void> => {
  const rates = (process.env['BENCH_E2E_RATE'] ?? '200').split(',').map((r) => Number(r.trim()));
  if (rates.some((r) => !Number.isFinite(r) || r <= 0)) throw new Error('BENCH_E2E_RATE: positive numbers');
  const seconds = numberFromEnv('BENCH_E2E_SECONDS', 30);
  const warmupSeconds = numberFromEnv('BENCH_E2E_WARMUP_S', 5);
  const sampleEvery = numberFromEnv('BENCH_E2E_SAMPLE_EVERY', 20);
  const [databaseUrl, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const before = machineSnapshot();
  console.log(describeLoad('before', before));
  const system = await startE2eSystem({
    databaseUrl,
    brokers,
    suffix: uniqueSuffix(),
    logLevel: process.env['BENCH_E2E_LOG_LEVEL'] ?? 'warn',
  });
  console.log(
    `customers ${system.customers.baseUrl}, complaints ${system.complaints.baseUrl}, topic ${system.topic}`,
  );
  try {
    // Warm-up: JIT, connection pools, and the complaints consumer joined and assigned its partitions.
    await waitForShortTransactions(system.pool, 2, 600_000);
    const warmRate = Math.min(...rates);
    const warm = analyse(
      await runPhase(system, warmRate, warmupSeconds, sampleEvery),
      warmRate,
      warmupSeconds,
    );
    console.log(
      `warm-up at ${warmRate}/s: ${warm.sent} sent, ${warm.errors} errors, ${warm.notVisible} not visible`,
    );
    const runs: RateRun[] = [];
    for (const rate of rates) runs.push(await measureRate(system, rate, seconds, sampleEvery));
    console.log(
      `\nSummary (ms; e2e = POST scheduled → directory row committed; POST = response, from scheduled send):\n`,
    );
    console.log(summaryTable(runs));
    printJson({
      bench: 'e2e-latency',
      settings: {
        rates,
        seconds,
        warmupSeconds,
        sampleEvery,
        pollTickMs: POLL_TICK_MS,
        pollsPerTick: POLLS_PER_TICK,
      },
      machine: { before, after: machineSnapshot() },
      warmup: { rate: warmRate, sent: warm.sent, errors: warm.errors, notVisible: warm.notVisible },
      runs,
    });
  } catch (error) {
    console.error(`customers output:\n${system.customers.output().slice(-3000)}`);
    console.error(`complaints output:\n${system.complaints.output().slice(-3000)}`);
    throw error;
  } finally {
    await system.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
