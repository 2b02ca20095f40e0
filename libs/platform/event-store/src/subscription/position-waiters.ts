import { comparePositions, type GlobalPosition } from '../event-store.port';

interface Waiter {
  readonly target: GlobalPosition;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout | undefined;
}

/**
 * Callers of a reader's `caughtUp()`, each waiting for the reader's checkpoint to reach the log's
 * head as it was when they asked. A short read is not proof: under the gap-safe rule a read stops
 * at the oldest open transaction anywhere in the database, so it can come back empty while
 * committed events are still ahead.
 */
export class PositionWaiters {
  private waiting: Waiter[] = [];

  /** `timeoutMs` undefined: wait until settled or rejected. */
  add(
    target: GlobalPosition,
    reached: GlobalPosition | null,
    timeoutMs?: number,
    timeoutMessage?: string,
  ): Promise<void> {
    if (reached !== null && comparePositions(reached, target) >= 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        target,
        resolve,
        reject,
        timer:
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                this.remove(waiter);
                reject(new Error(timeoutMessage ?? `not caught up within ${timeoutMs} ms`));
              }, timeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** Releases every waiter whose target the reader has now reached. */
  settle(reached: GlobalPosition | null): void {
    if (reached === null) return;
    for (const waiter of this.waiting.filter((w) => comparePositions(reached, w.target) >= 0)) {
      this.remove(waiter);
      waiter.resolve();
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of [...this.waiting]) {
      this.remove(waiter);
      waiter.reject(error);
    }
  }

  private remove(waiter: Waiter): void {
    if (waiter.timer !== undefined) clearTimeout(waiter.timer);
    this.waiting = this.waiting.filter((w) => w !== waiter);
  }
}
