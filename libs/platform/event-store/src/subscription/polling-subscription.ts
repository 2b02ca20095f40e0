import type {
  CheckpointStore,
  EventHandler,
  GlobalPosition,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { START } from '../event-store.port';
import { PositionWaiters } from './position-waiters';
import { ReaderPacing } from './reader-pacing';
import { restartBackoffMs } from './restart-backoff';

export interface PollingSource {
  readAll(from: GlobalPosition, limit: number): Promise<StoredEvent[]>;
  headPosition(): Promise<GlobalPosition>;
}

const DEFAULT_BATCH = 500;
const DEFAULT_POLL_MS = 100;

/**
 * Catch-up + live subscription over any gap-safe `readAll`: reads batches after the checkpoint,
 * hands each event to the handler, stores the checkpoint after the batch, and sleeps when caught up
 * until the poll interval passes or `wake()` is called (adapters wake it after their own appends).
 * At-least-once: a crash between handling and checkpointing replays that batch.
 */
export class PollingSubscription implements Subscription {
  private current: GlobalPosition = START;
  private stopped = false;
  private wakePending = false;
  private lastProgressAt = Date.now();
  private loaded = false;
  private readonly waiters = new PositionWaiters();
  private wakeSleep: (() => void) | undefined;
  private readonly loop: Promise<void>;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly pacing: ReaderPacing;
  private readonly livenessWindowMs: number;

  constructor(
    readonly name: string,
    private readonly source: PollingSource,
    private readonly handler: EventHandler,
    private readonly checkpoints: CheckpointStore,
    private readonly options: SubscribeOptions = {},
    private readonly onStopped: () => void = () => undefined,
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.pacing = new ReaderPacing(this.pollIntervalMs);
    this.livenessWindowMs = Math.max(30_000, this.pollIntervalMs * 20);
    this.loop = this.run();
  }

  position(): GlobalPosition {
    return this.current;
  }

  isAlive(): boolean {
    return !this.stopped && Date.now() - this.lastProgressAt < this.livenessWindowMs;
  }

  async caughtUp(): Promise<void> {
    if (this.stopped) throw new Error(`subscription ${this.name} is not running`);
    const head = await this.source.headPosition();
    const waiting = this.waiters.add(head, this.loaded ? this.current : null);
    this.wake();
    await waiting;
  }

  /** Ends the sleep early so new events are picked up without waiting for the poll interval. */
  wake(): void {
    this.pacing.woken();
    if (this.wakeSleep !== undefined) this.wakeSleep();
    else this.wakePending = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        if (!this.loaded) {
          this.current = await this.checkpoints.load(this.name);
          this.loaded = true;
        }
        const batch = await this.source.readAll(this.current, this.batchSize);
        await this.handleBatch(batch);
        failures = 0;
        this.lastProgressAt = Date.now();
        this.waiters.settle(this.current);
        if (batch.length < this.batchSize) await this.sleep(this.pacing.idleMs(batch.length));
      } catch (error) {
        failures += 1;
        this.report(error);
        await this.sleep(restartBackoffMs(this.pollIntervalMs, failures));
      }
    }
    this.waiters.rejectAll(new Error(`subscription ${this.name} stopped`));
    this.onStopped();
  }

  private async handleBatch(batch: readonly StoredEvent[]): Promise<void> {
    let handled: GlobalPosition | undefined;
    try {
      for (const event of batch) {
        if (this.stopped) break;
        if (this.options.filter === undefined || this.options.filter(event)) await this.handler(event);
        handled = event.position;
      }
    } finally {
      // Even when the handler fails part-way, what it did handle is checkpointed so it is not replayed.
      if (handled !== undefined) {
        await this.checkpoints.store(this.name, handled);
        this.current = handled;
      }
    }
  }

  private report(error: unknown): void {
    if (this.options.onError !== undefined) {
      this.options.onError(error);
    } else {
      console.error(`subscription ${this.name} failed, retrying:`, error);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped || this.wakePending) {
      this.wakePending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeSleep = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeSleep = done;
    });
  }
}
