interface Waiter {
  /** Only a poll that started after this ticket can prove everything visible at call time was read. */
  readonly after: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** Callers of caughtUp(), released by the first complete poll that began after they asked. */
export class CaughtUpWaiters {
  private issued = 0;
  private waiting: Waiter[] = [];

  /** Call when a poll begins reading; pass the result to resolveUpTo when it has read everything. */
  ticket(): number {
    this.issued += 1;
    return this.issued;
  }

  add(timeoutMs: number, timeoutMessage: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        after: this.issued,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.remove(waiter);
          reject(new Error(timeoutMessage));
        }, timeoutMs),
      };
      this.waiting.push(waiter);
    });
  }

  resolveUpTo(ticket: number): void {
    for (const waiter of this.waiting.filter((w) => w.after < ticket)) {
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
    clearTimeout(waiter.timer);
    this.waiting = this.waiting.filter((w) => w !== waiter);
  }
}
