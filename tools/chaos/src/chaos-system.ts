import { spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Pool } from 'pg';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { COMPLAINTS_TOPIC } from '@crm/complaints-contracts';
import { CREDIT_TOPIC } from '@crm/credit-contracts';
import { INVITATIONS_TOPIC } from '@crm/invitations-contracts';
import { ensureTopics } from '@crm/messaging';
import { startServiceProcess, type ServiceProcess } from '@crm/testing';
import { SERVICES, type ServiceName } from './profiles';

const ROOT = resolve(__dirname, '../../..');
const LOG_DIR = resolve(ROOT, '.local/chaos');
export const CHAOS_JWT_SECRET = 'chaos-only-jwt-secret-0123456789abcdef';

const portFree = (port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(false);
    });
    socket.once('error', () => done(true));
  });

const freePortFrom = async (first: number, step = 1, pair = false): Promise<number> => {
  for (let p = first; p < first + 400; p += step)
    if ((await portFree(p)) && (!pair || (await portFree(p + 1)))) return p;
  throw new Error(`no free port from ${first}`);
};

const run = (command: string, args: readonly string[], env: Record<string, string>): Promise<void> =>
  new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')}: ${code}`)),
    );
  });

/** A private broker on loopback (infra/kafka/kafka.sh), restartable with its data kept. */
export class ChaosBroker {
  private constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  static async start(): Promise<ChaosBroker> {
    const port = await freePortFrom(Number(process.env['CHAOS_KAFKA_PORT'] ?? 19320), 10, true);
    const env = {
      KAFKA_PORT: String(port),
      KAFKA_CONTROLLER_PORT: String(port + 1),
      KAFKA_STATE_DIR: resolve(ROOT, '.local/chaos/kafka'),
      KAFKA_LIB_CACHE: process.env['KAFKA_LIB_CACHE'] ?? resolve(ROOT, '.local/kafka'),
      // Never inherited: infra/test-all.sh exports KAFKA_FRESH=1 for its own broker, and a restart
      // that deleted the data would be a different fault.
      KAFKA_FRESH: '0',
    };
    const broker = new ChaosBroker(port, env);
    await run('bash', ['infra/kafka/kafka.sh', 'start'], { ...env, KAFKA_FRESH: '1' });
    return broker;
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  /**
   * A clean stop and start: every client sees the broker gone, then back with its topics and
   * offsets. On a loaded machine the script's 60 s start-up wait can pass; it is tried again.
   */
  restart(): Promise<void> {
    // One restart at a time: a second one must not start a broker the first is still starting.
    const next = this.restarting.then(() => this.restartNow());
    this.restarting = next.catch(() => undefined);
    return next;
  }

  private restarting: Promise<void> = Promise.resolve();

  private async restartNow(): Promise<void> {
    await this.stop();
    for (let attempt = 1; ; attempt++) {
      try {
        await run('bash', ['infra/kafka/kafka.sh', 'start'], this.env);
        return;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  stop(): Promise<void> {
    return run('bash', ['infra/kafka/kafka.sh', 'stop'], this.env);
  }
}

/** A fresh database for the system and a second one for the foreign long transaction. */
export const freshDatabases = async (
  name: string,
): Promise<{ readonly url: string; readonly otherUrl: string }> => {
  const admin = new Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    for (const db of [name, `${name}_other`]) {
      await admin.query(`drop database if exists "${db}" with (force)`);
      await admin.query(`create database "${db}"`);
    }
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    otherUrl: `postgres://postgres@127.0.0.1:5432/${name}_other`,
  };
};

export const TOPICS = [CUSTOMERS_TOPIC, COMPLAINTS_TOPIC, CREDIT_TOPIC, INVITATIONS_TOPIC] as const;

/** Topics exist before any service starts, so no producer or consumer races to create them. */
export const createTopics = async (brokers: string): Promise<void> => {
  const kafka = new Kafka({ clientId: 'chaos-admin', brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await ensureTopics(admin, TOPICS, { numPartitions: 3 });
  } finally {
    await admin.disconnect();
  }
};

/** A service process that exited without being told to: a bug the run found. */
export interface Crash {
  readonly service: ServiceName;
  readonly atS: number;
  readonly how: string;
  readonly lastOutput: string;
}

/**
 * The four services as separate processes on fixed ports, so a restarted one keeps its address.
 * Like a supervisor, it restarts a process that exits on its own, and records the crash. Each
 * process's whole output is appended to .local/chaos/<service>.log.
 */
export class ChaosServices {
  private readonly running = new Map<ServiceName, ServiceProcess>();
  private readonly ports = new Map<ServiceName, number>();
  private readonly expectedExits = new Set<ServiceProcess>();
  readonly crashes: Crash[] = [];
  private closing = false;
  private readonly started = Date.now();

  constructor(
    private readonly env: Readonly<Record<string, string>>,
    private readonly log: (line: string) => void,
  ) {
    mkdirSync(LOG_DIR, { recursive: true });
    for (const service of SERVICES) writeFileSync(resolve(LOG_DIR, `${service}.log`), '');
  }

  async startAll(): Promise<void> {
    let port = Number(process.env['CHAOS_PORT_BASE'] ?? 3300);
    for (const service of SERVICES) {
      port = await freePortFrom(port);
      this.ports.set(service, port);
      port += 1;
    }
    // Customers first: the others replicate its directory; then the rest at once.
    await this.start('customers');
    await Promise.all(SERVICES.filter((s) => s !== 'customers').map((s) => this.start(s)));
  }

  /** Starts the service; one that exits during start-up is a crash, recorded and started again. */
  async start(service: ServiceName): Promise<void> {
    const file = resolve(LOG_DIR, `${service}.log`);
    let started: ServiceProcess | undefined;
    for (let attempt = 1; started === undefined; attempt++) {
      try {
        started = await startServiceProcess(service, this.env, {
          port: this.ports.get(service),
          timeoutMs: 240_000,
          onOutput: (chunk) => appendFileSync(file, chunk),
        });
      } catch (error) {
        if (this.closing || attempt === 5) throw error;
        const text = String(error);
        // Not healthy in time (startServiceProcess stopped it) is the machine's speed, not a crash.
        if (!text.includes(' exited with ')) {
          this.log(`${service} not healthy in time; starting it again`);
          continue;
        }
        this.crashes.push({
          service,
          atS: Math.round((Date.now() - this.started) / 1000),
          how: text.split('\n')[0] ?? text,
          lastOutput: text.slice(-3000),
        });
        this.log(`${service} exited during start-up (${text.split('\n')[0] ?? ''}); starting it again`);
      }
    }
    this.running.set(service, started);
    void started.exited.then(({ code, signal }) => {
      if (this.expectedExits.has(started) || this.closing) return;
      const crash = {
        service,
        atS: Math.round((Date.now() - this.started) / 1000),
        how: `exit ${String(code)} signal ${String(signal)}`,
        lastOutput: started.output().slice(-3000),
      };
      this.crashes.push(crash);
      this.running.delete(service);
      this.log(`${service} exited on its own (${crash.how}); restarting it`);
      this.start(service).catch((e: unknown) => this.log(`${service} restart failed: ${String(e)}`));
    });
  }

  baseUrl(service: ServiceName): string {
    return `http://127.0.0.1:${this.ports.get(service) ?? 0}`;
  }

  pid(service: ServiceName): number | undefined {
    return this.running.get(service)?.pid;
  }

  /** SIGKILL: no shutdown hook runs, open transactions are rolled back by PostgreSQL. */
  async kill(service: ServiceName): Promise<void> {
    const process = this.running.get(service);
    if (process === undefined) return;
    this.expectedExits.add(process);
    await process.kill();
    this.running.delete(service);
  }

  output(service: ServiceName): string {
    return this.running.get(service)?.output() ?? '';
  }

  async stopAll(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.running.values()].map((p) => p.stop()));
    this.running.clear();
  }
}

export const databasePool = (url: string): Pool => new Pool({ connectionString: url, max: 3 });
