import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '../../../..');

/** A TCP port that was free a moment ago on the loopback interface. */
export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });

export interface ServiceProcess {
  readonly service: string;
  readonly baseUrl: string;
  readonly pid: number;
  /** The tail of what the process printed, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL if it has not exited within 15 s. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash would: no shutdown hook, no open transaction committed. */
  kill(): Promise<void>;
  /** Resolves when the process has exited, for whatever reason, with how it ended. */
  readonly exited: Promise<{ readonly code: number | null; readonly signal: string | null }>;
}

export interface ServiceProcessOptions {
  /** How long to wait for `GET /health` to answer 200 (default 60 s). */
  readonly timeoutMs?: number;
  /** Listen on this port instead of a free one (when the process must know its own address). */
  readonly port?: number;
  /** The entry file relative to the repository root (default `services/<service>/src/main.ts`). */
  readonly entry?: string;
  /** Everything the process prints, as it prints it (the kept `output()` is only the tail). */
  readonly onOutput?: (chunk: Buffer) => void;
}

const OUTPUT_KEPT = 20_000;

/**
 * Runs a service exactly as infra/start-all.sh does (`node -r @swc-node/register
 * services/<service>/src/main.ts`) in a child process on a free port, and resolves once its
 * /health answers 200. Tests talk to a second service this way without importing its code:
 * services share nothing but contracts. Only PATH and HOME are inherited from this environment.
 */
export const startServiceProcess = async (
  service: string,
  env: Readonly<Record<string, string>>,
  options: ServiceProcessOptions = {},
): Promise<ServiceProcess> => {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const port = options.port ?? (await freePort());
  const entry = options.entry ?? `services/${service}/src/main.ts`;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
    options.onOutput?.(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.once('exit', (code, signal) => done({ code, signal })),
  );
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const kill = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${service} exited with ${child.exitCode}:\n${output.slice(-4000)}`);
    const healthy = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${service} not healthy within ${timeoutMs} ms:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { service, baseUrl, pid: child.pid ?? -1, output: () => output, stop, kill, exited };
};
