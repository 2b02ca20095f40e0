import { describeError } from './retry-policy';

export interface InboxConsumerHealth {
  /**
   * `degraded`: running, but its database (or another dependency) is failing transiently, so
   * messages wait instead of being processed; `down`: stopped or crashed.
   */
  readonly status: 'up' | 'degraded' | 'down';
  readonly lastError?: string;
  readonly degradedSince?: Date;
}

/** Tracks an infrastructure outage as seen by a consumer: set by a failed attempt, cleared by a success. */
export class OutageTracker {
  private since?: Date;
  private lastError?: string;

  failed(error: unknown, now = new Date()): void {
    this.since ??= now;
    this.lastError = describeError(error);
  }

  /** @returns how long the outage lasted, or undefined when there was none */
  recovered(now = new Date()): number | undefined {
    if (!this.since) return undefined;
    const downMs = now.getTime() - this.since.getTime();
    this.since = undefined;
    return downMs;
  }

  health(running: boolean): InboxConsumerHealth {
    if (!running) return { status: 'down', ...(this.lastError ? { lastError: this.lastError } : {}) };
    if (!this.since) return { status: 'up', ...(this.lastError ? { lastError: this.lastError } : {}) };
    return {
      status: 'degraded',
      degradedSince: this.since,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }
}
