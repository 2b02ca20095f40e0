import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../../../..');
const SCRIPT = join(ROOT, 'infra/kafka/kafka.sh');

const isFree = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });

/** Two adjacent free ports from 19300 up (broker, controller), away from the shared brokers. */
const freePortPair = async (): Promise<number> => {
  for (let port = 19300 + 2 * Math.floor(Math.random() * 200); port < 19900; port += 2) {
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
  throw new Error('no free port pair in 19300-19899');
};

/**
 * infra/kafka/kafka.sh against a broker of its own (temp state dir, free ports ≥ 19300): the
 * system's broker keeps topics and cluster id across stop/start; KAFKA_FRESH=1 starts empty.
 */
describe('infra/kafka/kafka.sh', () => {
  const stateDir = mkdtempSync(join(tmpdir(), 'kafka-script-'));
  let port = 0;
  const env = (fresh: boolean): NodeJS.ProcessEnv => {
    const { KAFKA_FRESH: _inherited, ...rest } = process.env;
    return {
      ...rest,
      KAFKA_STATE_DIR: stateDir,
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(port + 1),
      KAFKA_LIB_CACHE: process.env['KAFKA_LIB_CACHE'] ?? join(ROOT, '.local/kafka'),
      ...(fresh ? { KAFKA_FRESH: '1' } : {}),
    };
  };
  const script = (command: 'start' | 'stop', fresh = false) =>
    run('bash', [SCRIPT, command], { env: env(fresh), timeout: 600_000 });
  const clusterId = (): string =>
    /cluster\.id=(\S+)/.exec(readFileSync(join(stateDir, 'data/meta.properties'), 'utf8'))?.[1] ?? '';
  const topics = async (): Promise<string[]> => {
    const admin = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      return await admin.listTopics();
    } finally {
      await admin.disconnect();
    }
  };

  afterAll(async () => {
    await script('stop').catch(() => undefined);
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('keeps topics and the cluster id across stop and start; KAFKA_FRESH=1 starts empty', async () => {
    port = await freePortPair();
    await script('start');
    const admin = new Kafka({ brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'kept.across.restarts', numPartitions: 1 }] });
    await admin.disconnect();
    const firstId = clusterId();
    await script('stop');

    await script('start');
    expect(await topics()).toContain('kept.across.restarts');
    expect(clusterId()).toBe(firstId);
    await script('stop');

    await script('start', true);
    expect(await topics()).not.toContain('kept.across.restarts');
    expect(clusterId()).not.toBe(firstId);
  }, 300_000);
});
