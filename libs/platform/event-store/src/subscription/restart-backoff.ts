/** Upper bound of the wait before a failed subscription retries: a dead database is polled every 5 s. */
const MAX_BACKOFF_MS = 5_000;

/** Exponential wait after `failures` consecutive failed attempts, shared by every adapter's subscription. */
export const restartBackoffMs = (baseMs: number, failures: number): number =>
  Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.min(failures, 10));
