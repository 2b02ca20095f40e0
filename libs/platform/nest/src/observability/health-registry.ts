export type HealthProbe = () => boolean | Promise<boolean>;

export interface HealthProbeOptions {
  /** A failing non-critical probe is reported as a warning and keeps /health at 200. Default: critical. */
  readonly critical?: boolean;
}

export interface HealthCheckResult {
  readonly status: 'up' | 'down';
  readonly critical: boolean;
  readonly latencyMs: number;
  readonly error?: string;
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
 * Liveness of the parts that keep a service correct: PostgreSQL and Kafka (registered by the
 * platform) and whatever the service runs in the background (subscriptions, relays, consumers).
 */
export class HealthRegistry {
  private readonly probes = new Map<string, Registered>();

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

  async check(): Promise<HealthReport> {
    const entries = await Promise.all(
      [...this.probes].map(async ([name, { probe, critical }]): Promise<[string, HealthCheckResult]> => {
        const started = Date.now();
        try {
          const up = await withTimeout(probe, this.timeoutMs);
          const result: HealthCheckResult = up
            ? { status: 'up', critical, latencyMs: Date.now() - started }
            : {
                status: 'down',
                critical,
                latencyMs: Date.now() - started,
                error: 'probe reported not alive',
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
