import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkEffects, stillMissing, type CheckResult } from './checks';
import {
  CHAOS_JWT_SECRET,
  ChaosBroker,
  ChaosServices,
  createTopics,
  databasePool,
  freshDatabases,
} from './chaos-system';
import { injectFaults } from './faults';
import { ChaosLoad, people, seedDirectory } from './load';
import { profileFromArgs } from './profiles';
import { replayAnswered } from './replay';
import { commandTable, effectTable, faultTable, refusalTable, transientTable } from './report';

/**
 * The chaos suite (docs/reliability.md): the four services as separate processes on loopback with
 * small pools, their own database and broker; cross-service load with Idempotency-Key retries while
 * services are killed -9, the broker restarts, database connections are terminated and a long
 * transaction runs in another database; then every answered command is counted against its effects
 * in every store, read model and replica, and replayed. Exit 1 on any loss, duplicate or changed
 * answer. `--profile short` (the test command) or `--profile full` (default).
 */
const RESULTS = resolve(__dirname, '../../../.local/chaos-results.json');
const started = Date.now();
const log = (line: string): void =>
  console.log(`[chaos ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const main = async (): Promise<number> => {
  const profile = profileFromArgs(process.argv.slice(2));
  const databaseName = process.env['CHAOS_DATABASE'] ?? 'crm_chaos';
  log(
    `profile ${profile.name}: ${profile.loadSeconds} s of load, ${profile.workers} callers, ${profile.faults.length} faults`,
  );
  const broker = await ChaosBroker.start();
  const { url, otherUrl } = await freshDatabases(databaseName);
  await createTopics(broker.brokers);
  const services = new ChaosServices(
    {
      NODE_ENV: 'test',
      DATABASE_URL: url,
      KAFKA_BROKERS: broker.brokers,
      JWT_SECRET: CHAOS_JWT_SECRET,
      LOG_LEVEL: process.env['CHAOS_LOG_LEVEL'] ?? 'error',
      DB_POOL_MAX: process.env['DB_POOL_MAX'] ?? '3',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    },
    log,
  );
  const pool = databasePool(url);
  // The checker's own connections are terminated with everyone else's; the pool reconnects.
  pool.on('error', () => undefined);
  try {
    await services.startAll();
    log(
      `services up (${(['customers', 'complaints', 'credit', 'invitations'] as const).map((s) => `${s} ${services.baseUrl(s)}`).join(', ')})`,
    );
    const baseUrl = services.baseUrl.bind(services);
    const who = await people(CHAOS_JWT_SECRET);
    await seedDirectory(baseUrl, CHAOS_JWT_SECRET, who, Date.now() + 120_000);
    const load = new ChaosLoad(baseUrl, who, profile);
    await load.scheduleJointEvent(Date.now() + 60_000);

    const loadStart = Date.now();
    const faultsDone = injectFaults(
      profile.faults,
      { services, broker, databaseName, otherUrl },
      loadStart,
      log,
    );
    // The load outlives the last recovery by a few seconds, so the whole system serves again under load.
    const loadOver = Promise.all([sleep(profile.loadSeconds * 1000), faultsDone.then(() => sleep(5_000))]);
    const [, faults] = await Promise.all([load.run(loadOver), faultsDone]);
    log(`load over: ${load.commands.length} commands`);

    const quietStart = Date.now();
    let result: CheckResult = await checkEffects(pool, load.commands);
    while (stillMissing(result) > 0 && Date.now() - quietStart < profile.quiescenceS * 1000) {
      await sleep(2_000);
      result = await checkEffects(pool, load.commands);
    }
    const quiescenceSeconds = Math.round((Date.now() - quietStart) / 100) / 10;
    log(`effects settled after ${quiescenceSeconds} s (${stillMissing(result)} still missing)`);
    const replay = await replayAnswered(baseUrl, load.commands);
    // Counted again after the replays: a replay must not have run anything.
    result = await checkEffects(pool, load.commands);

    const unanswered = load.commands.filter((c) => c.answer === undefined).length;
    const checks = [
      ...result.tallies.map((t) => ({ name: t.store, ok: t.missing === 0 && t.duplicates === 0 })),
      { name: 'replayed answers identical', ok: replay.differing.length === 0 },
      { name: 'every command answered', ok: unanswered === 0 },
      { name: 'no service exited on its own', ok: services.crashes.length === 0 },
      { name: 'every fault injected and recovered from', ok: faults.every((f) => f.recoveredAfterS >= 0) },
    ];
    const passed = checks.filter((c) => c.ok).length;
    const failed = checks.length - passed;

    console.log(
      `\nCommands (profile ${profile.name}, ${profile.loadSeconds} s of load):\n${commandTable(load.commands)}`,
    );
    console.log(`\n${transientTable(load.commands)}`);
    console.log(`\n${refusalTable(load.commands)}`);
    console.log(`\nFaults:\n${faultTable(faults)}`);
    console.log(`\nEffects (quiescent after ${quiescenceSeconds} s):\n${effectTable(result, replay)}`);
    if (result.problems.length > 0)
      console.log(`\nProblems:\n  ${result.problems.slice(0, 40).join('\n  ')}`);
    if (replay.differing.length > 0)
      console.log(`\nReplays that differ:\n  ${replay.differing.slice(0, 20).join('\n  ')}`);
    for (const crash of services.crashes)
      console.log(
        `\n--- ${crash.service} exited on its own at ${crash.atS} s (${crash.how}):\n${crash.lastOutput}`,
      );
    if (failed > 0) console.log('\nService logs: .local/chaos/<service>.log');
    const summary = {
      profile: profile.name,
      passed,
      failed,
      checks,
      wallSeconds: Math.round((Date.now() - started) / 1000),
      quiescenceSeconds,
      commands: load.commands.length,
      answeredAfterRetry: load.commands.filter((c) => c.answer !== undefined && c.transient.length > 0)
        .length,
      replay: { sent: replay.sent, identical: replay.identical, afterRetry: replay.afterRetry },
      tallies: result.tallies,
      faults,
      crashes: services.crashes.map(({ service, atS, how }) => ({ service, atS, how })),
    };
    mkdirSync(resolve(RESULTS, '..'), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(summary, null, 2));
    console.log(`\nchaos: ${passed} passed, ${failed} failed (${summary.wallSeconds} s)`);
    return failed === 0 ? 0 : 1;
  } finally {
    await pool.end().catch(() => undefined);
    await services.stopAll();
    await broker.stop().catch(() => undefined);
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
