import { percentile, round } from './stats';

/** One `POST /customers` of a run and what became of it (epoch milliseconds). */
export interface Command {
  readonly dueAt: number;
  sentAt?: number;
  respondedAt?: number;
  status?: number;
  error?: string;
  customerId?: string;
  /** When an HTTP GET of the complaints directory first returned the customer (sampled commands only). */
  apiVisibleAt?: number;
  /** updated_at of the directory row: the start of the consumer transaction that wrote it. */
  committedAt?: number;
}

const distribution = (label: string, values: readonly number[]) => ({
  label,
  count: values.length,
  p50: round(percentile(values, 50), 1),
  p95: round(percentile(values, 95), 1),
  p99: round(percentile(values, 99), 1),
  max: round(percentile(values, 100), 1),
});

export interface PhaseRecord {
  readonly commands: readonly Command[];
  readonly firstDueAt: number;
  readonly lastSentAt: number;
  readonly probeRequests: number;
}

export type PhaseResult = ReturnType<typeof analyse>;

export const analyse = (phase: PhaseRecord, rate: number, seconds: number) => {
  const { commands } = phase;
  const ok = commands.filter((c) => c.status === 201);
  const visible = ok.filter((c) => c.committedAt !== undefined);
  const statuses: Record<string, number> = {};
  for (const c of commands) {
    const key = c.status !== undefined ? String(c.status) : 'network error';
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const latencies = [
    distribution(
      'POST → directory row committed (from scheduled send)',
      visible.map((c) => (c.committedAt as number) - c.dueAt),
    ),
    distribution(
      'POST → visible via GET /customer-directory/:id (sampled)',
      ok.filter((c) => c.apiVisibleAt !== undefined).map((c) => (c.apiVisibleAt as number) - c.dueAt),
    ),
    distribution(
      'POST response (from scheduled send)',
      ok.map((c) => (c.respondedAt as number) - c.dueAt),
    ),
    distribution(
      'POST response (from actual send)',
      ok.map((c) => (c.respondedAt as number) - (c.sentAt as number)),
    ),
    distribution(
      'scheduler lag (actual − scheduled send)',
      commands.map((c) => (c.sentAt as number) - c.dueAt),
    ),
  ];
  return {
    targetRate: rate,
    seconds,
    sent: commands.length,
    achievedSendRate: round(commands.length / ((phase.lastSentAt - phase.firstDueAt) / 1000), 1),
    responses: statuses,
    directoryProbeRequests: phase.probeRequests,
    errors: commands.length - ok.length,
    notVisible: ok.length - visible.length,
    errorSamples: [...new Set(commands.flatMap((c) => (c.error !== undefined ? [c.error] : [])))].slice(0, 5),
    latenciesMs: latencies,
  };
};
