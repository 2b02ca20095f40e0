import { nowMs, percentile, round } from './stats';

export interface LoopResult {
  readonly workers: number;
  /** Decisions completed inside the measured window (an answer of any kind, refusals included). */
  readonly decisions: number;
  readonly seconds: number;
  readonly decisionsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Answers by kind (e.g. approved / held), measured window only. */
  readonly outcomes: Readonly<Record<string, number>>;
  /** Unexpected failures (thrown errors that are not a decision), measured window only. */
  readonly errors: number;
  readonly firstError?: string;
}

/**
 * Closed loop: `workers` callers, each issuing its next operation as soon as the previous one
 * answered, for warm-up plus measured time. Every operation that *completes* inside the measured
 * window counts, with its full latency (even if it started during warm-up): with latencies near a
 * second, counting only operations that also started in the window would drop exactly the slow
 * ones. No operation starts after the window. `op` returns the kind of answer; a throw is an error.
 */
export const closedLoop = async (
  workers: number,
  warmupMs: number,
  durationMs: number,
  op: (worker: number, n: number) => Promise<string>,
): Promise<LoopResult> => {
  const measureFrom = nowMs() + warmupMs;
  const stopAt = measureFrom + durationMs;
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let errors = 0;
  let firstError: string | undefined;
  const worker = async (w: number): Promise<void> => {
    for (let n = 0; ; n++) {
      const t0 = nowMs();
      if (t0 >= stopAt) return;
      let outcome: string;
      try {
        outcome = await op(w, n);
      } catch (error) {
        outcome = '';
        const at = nowMs();
        if (at >= measureFrom && at <= stopAt) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
      const t1 = nowMs();
      if (outcome !== '' && t1 >= measureFrom && t1 <= stopAt) {
        latencies.push(t1 - t0);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  return summarise(workers, latencies, durationMs / 1000, outcomes, errors, firstError);
};

/**
 * Fixed work instead of fixed time: `rounds` rounds run `concurrent` at a time; each round is a
 * group of operations started together (e.g. two BUs racing for one customer). The clock runs
 * from the first start to the last answer.
 */
export const fixedRounds = async (
  rounds: number,
  concurrent: number,
  round: (r: number) => Promise<readonly { readonly ms: number; readonly outcome: string }[]>,
): Promise<LoopResult> => {
  const latencies: number[] = [];
  const outcomes: Record<string, number> = {};
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = nowMs();
  const lane = async (): Promise<void> => {
    for (let r = next++; r < rounds; r = next++) {
      try {
        for (const { ms, outcome } of await round(r)) {
          latencies.push(ms);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrent }, () => lane()));
  const seconds = (nowMs() - started) / 1000;
  return summarise(concurrent, latencies, seconds, outcomes, errors, firstError);
};

/** Times one operation; a thrown error becomes an outcome through `classify` (or rethrows). */
export const timed = async (
  op: () => Promise<string>,
  classify: (error: unknown) => string | undefined = () => undefined,
): Promise<{ ms: number; outcome: string }> => {
  const t0 = nowMs();
  try {
    const outcome = await op();
    return { ms: nowMs() - t0, outcome };
  } catch (error) {
    const outcome = classify(error);
    if (outcome === undefined) throw error;
    return { ms: nowMs() - t0, outcome };
  }
};

const summarise = (
  workers: number,
  latencies: readonly number[],
  seconds: number,
  outcomes: Record<string, number>,
  errors: number,
  firstError: string | undefined,
): LoopResult => ({
  workers,
  decisions: latencies.length,
  seconds: round(seconds, 2),
  decisionsPerSecond: round(latencies.length / seconds, 1),
  p50Ms: round(percentile(latencies, 50), 1),
  p99Ms: round(percentile(latencies, 99), 1),
  maxMs: round(percentile(latencies, 100), 1),
  outcomes,
  errors,
  ...(firstError !== undefined ? { firstError } : {}),
});

/** Parses a comma-separated list of positive integers from the environment. */
export const listFromEnv = (name: string, fallback: readonly number[]): readonly number[] => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const values = raw.split(',').map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v <= 0))
    throw new Error(`${name} must be a comma-separated list of positive integers, got '${raw}'`);
  return values;
};
