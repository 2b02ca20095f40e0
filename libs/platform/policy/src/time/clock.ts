/** Architecture §8: time enters the system through this port so tests and replays control it. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to; returns copies so callers cannot mutate its instant. */
export class FixedClock implements Clock {
  private current: number;

  constructor(initial: Date | string = '2025-01-01T00:00:00.000Z') {
    this.current = FixedClock.toMillis(initial);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = FixedClock.toMillis(instant);
  }

  advance(ms: number): Date {
    this.current += ms;
    return this.now();
  }

  private static toMillis(instant: Date | string): number {
    const millis = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    if (Number.isNaN(millis)) throw new Error(`FixedClock: invalid instant ${String(instant)}`);
    return millis;
  }
}

/**
 * A running clock a test can move (the test-clock control of a service process, NODE_ENV=test):
 * `set` shifts it so that it reads the given instant now and keeps ticking from there; `reset`
 * returns to the underlying clock. Listeners hear every move (the timer poller looks again at once).
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private readonly listeners = new Set<(now: Date) => void>();

  constructor(private readonly base: Clock = new SystemClock()) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  /** How far the clock is from its underlying clock (0 when not moved). */
  get offset(): number {
    return this.offsetMs;
  }

  set(instant: Date | string): Date {
    const millis = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
    if (Number.isNaN(millis)) throw new Error(`AdjustableClock: invalid instant ${String(instant)}`);
    this.offsetMs = millis - this.base.now().getTime();
    return this.moved();
  }

  reset(): Date {
    this.offsetMs = 0;
    return this.moved();
  }

  onMove(listener: (now: Date) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private moved(): Date {
    const now = this.now();
    for (const listener of this.listeners) listener(now);
    return now;
  }
}
