import { PoisonMessageError } from './kafka-envelope';

export interface RetryPolicy {
  /** Total attempts including the first (default 5). */
  readonly attempts?: number;
  /** Delay before the second attempt; doubles each time (default 200 ms). */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryPolicy> = { attempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

/** Thrown by a handler when retrying cannot help (e.g. a contract violation): dead-letter at once. */
export class NonRetriableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetriableError';
  }
}

export const isRetriable = (error: unknown): boolean =>
  !(error instanceof PoisonMessageError) && !(error instanceof NonRetriableError);

/** Exponential backoff with a little jitter so replicas retrying together spread out. */
export const backoffDelay = (failedAttempt: number, policy: Required<RetryPolicy>): number => {
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, failedAttempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  return Math.round(capped * (0.8 + Math.random() * 0.2));
};

export const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
