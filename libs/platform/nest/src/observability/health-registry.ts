/** What a readiness probe found: up or not, why not, and figures (lag, holders…) either way. */
export interface ProbeReport {
  readonly up: boolean;
  readonly reason?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type HealthProbe = () => boolean | ProbeReport | Promise<boolean | ProbeReport>;

export interface HealthProbeOptions {
  /** A failing non-critical probe is reported as a warning and keeps /health at 200. Default: critical. */
  readonly critical?: boolean;
}

export interface HealthCheckResult {
  readonly status: 'up' | 'down';
  readonly critical: boolean;
  readonly latencyMs: number;
  readonly error?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface HealthReport {
  readonly status: 'ok' | 'error';
  readonly checks: Readonly<Record<string, HealthCheckResult>>;
  readonly warnings: readonly string[];
}

interface Registered {
  readonly probe: HealthProbe;
  readonly critical: boolean;
}

const PROBE_TIMEOUT_MS = 2_000;

const withTimeout = async <T>(work: () => T | Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(work),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Readiness of the parts that keep a service correct and current (docs/reliability.md, "Health"):
 * PostgreSQL and Kafka, the event log's horizon, and whatever runs in the background (relay,
 * projections, consumers) with its lag. Concurrent checks share one run.
 */
export class HealthRegistry {
  private readonly probes = new Map<string, Registered>();
  private running: Promise<HealthReport> | undefined;

  constructor(private readonly timeoutMs = PROBE_TIMEOUT_MS) {}

  register(name: string, probe: HealthProbe, options: HealthProbeOptions = {}): void {
    if (this.probes.has(name)) throw new Error(`health probe '${name}' is already registered`);
    this.probes.set(name, { probe, critical: options.critical ?? true });
  }

  unregister(name: string): void {
    this.probes.delete(name);
  }

  names(): string[] {
    return [...this.probes.keys()];
  }

  check(): Promise<HealthReport> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.probes].map(async ([name, { probe, critical }]): Promise<[string, HealthCheckResult]> => {
        const started = Date.now();
        try {
          const answer = await withTimeout(probe, this.timeoutMs);
          const report: ProbeReport = typeof answer === 'boolean' ? { up: answer } : answer;
          const result: HealthCheckResult = {
            status: report.up ? 'up' : 'down',
            critical,
            latencyMs: Date.now() - started,
            ...(report.up ? {} : { error: report.reason ?? 'probe reported not alive' }),
            ...(report.details !== undefined ? { details: report.details } : {}),
          };
          return [name, result];
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return [name, { status: 'down', critical, latencyMs: Date.now() - started, error: message }];
        }
      }),
    );
    const checks = Object.fromEntries(entries);
    const down = entries.filter(([, r]) => r.status === 'down');
    const failed = down.some(([, r]) => r.critical);
    const warnings = down.filter(([, r]) => !r.critical).map(([name, r]) => `${name}: ${r.error ?? 'down'}`);
    return { status: failed ? 'error' : 'ok', checks, warnings };
  }
}
