import type { DurableTimers } from './durable-timers';
import type { TimerHandler } from './timer';

export interface TimerPollerOptions {
  readonly timers: DurableTimers;
  readonly handler: TimerHandler;
  readonly intervalMs?: number;
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs `fireDue` on an interval. When a pass claims a full batch it polls again at once, so a
 * backlog drains without waiting an interval per batch.
 */
export class TimerPoller {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private lastPassAt = 0;
  private pollAgain = false;

  constructor(private readonly options: TimerPollerOptions) {}

  private get intervalMs(): number {
    return this.options.intervalMs ?? 1_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // Alive from the start: /health must not report a poller as down before its first pass ends.
    this.lastPassAt = Date.now();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Starts the next pass now instead of after the interval (e.g. the clock was moved). */
  pollNow(): void {
    // A pass already under way may have read the clock before it moved: run one more after it.
    this.pollAgain = true;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
  }

  /** Alive while started and a pass finished recently (a hung handler makes it unhealthy). */
  isAlive(): boolean {
    return this.running && Date.now() - this.lastPassAt < Math.max(30_000, this.intervalMs * 10);
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 50;
    while (this.running) {
      let claimed = 0;
      this.pollAgain = false;
      try {
        claimed = (await this.options.timers.fireDue(this.options.handler, batchSize)).claimed;
      } catch (error) {
        this.options.onError?.(error);
      }
      this.lastPassAt = Date.now();
      if (claimed >= batchSize || this.pollAgain || !this.running) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.intervalMs);
      });
    }
  }
}
