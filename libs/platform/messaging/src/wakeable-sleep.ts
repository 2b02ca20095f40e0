/**
 * A sleep that can be cut short: loops wait with it between polls or retries, and `wake()` ends
 * every pending wait at once (on stop, or when a caller wants a fresh poll now).
 */
export class WakeableSleep {
  private wakers = new Set<() => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  wake(): void {
    for (const waker of [...this.wakers]) waker();
  }
}
