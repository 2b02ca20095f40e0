const WOKEN_RETRY_MS = 20;
const WOKEN_RETRY_WINDOW_MS = 5_000;

/**
 * How long a log reader (subscription, relay, projection runner) sleeps after reaching the end of
 * what it can read. Normally the poll interval. After a wake-up (this process appended) it looks
 * again every 20 ms until it reads something, for up to 5 s: the new events may not be readable yet,
 * because their transaction has not committed (appendWithin) or an older transaction anywhere in
 * the database is still open (the gap-safe rule).
 */
export class ReaderPacing {
  private wokenAt: number | undefined;

  constructor(private readonly pollIntervalMs: number) {}

  woken(): void {
    this.wokenAt = Date.now();
  }

  idleMs(eventsRead: number): number {
    const woken = this.wokenAt;
    if (eventsRead > 0 || woken === undefined || Date.now() - woken > WOKEN_RETRY_WINDOW_MS) {
      this.wokenAt = undefined;
      return this.pollIntervalMs;
    }
    return Math.min(this.pollIntervalMs, WOKEN_RETRY_MS);
  }
}
