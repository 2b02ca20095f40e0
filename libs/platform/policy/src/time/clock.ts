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
