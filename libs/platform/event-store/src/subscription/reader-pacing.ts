const WOKEN_FIRST_RETRY_MS = 20;
const WOKEN_MAX_RETRY_MS = 1_000;
const WOKEN_RETRY_WINDOW_MS = 30_000;

/**
 * How long a log reader (subscription, relay, projection runner) sleeps after reaching the end of
 * what it can read. Normally the poll interval. After a wake-up (this process appended) it looks
 * again soon (20 ms, doubling up to 1 s, never longer than the poll interval) until it reads
 * something, for up to 30 s: the new events may not be readable yet, because their transaction has
 * not committed (appendWithin) or an older transaction anywhere in the database is still open (the
 * gap-safe rule).
 */
export class ReaderPacing {
  private wokenAt: number | undefined;
  private retries = 0;

  constructor(private readonly pollIntervalMs: number) {}

  woken(): void {
    this.wokenAt = Date.now();
    this.retries = 0;
  }

  idleMs(eventsRead: number): number {
    const woken = this.wokenAt;
    if (eventsRead > 0 || woken === undefined || Date.now() - woken > WOKEN_RETRY_WINDOW_MS) {
      this.wokenAt = undefined;
      return this.pollIntervalMs;
    }
    const delay = Math.min(WOKEN_MAX_RETRY_MS, WOKEN_FIRST_RETRY_MS * 2 ** this.retries);
    this.retries += 1;
    return Math.min(this.pollIntervalMs, delay);
  }
}
