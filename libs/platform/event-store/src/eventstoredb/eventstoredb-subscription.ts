import {
  START as ESDB_START,
  streamNameFilter,
  type AllStreamSubscription,
  type KurrentDBClient,
} from '@kurrent/kurrentdb-client';
import {
  comparePositions,
  START,
  type CheckpointStore,
  type EventHandler,
  type GlobalPosition,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { CHECKPOINT_STREAM_PREFIX, fromResolved } from './esdb-mapping';
import { restartBackoffMs } from '../subscription/restart-backoff';

const DEFAULT_BATCH = 500;

interface Waiter {
  readonly target: GlobalPosition | undefined;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

const isStart = (position: GlobalPosition): boolean => comparePositions(position, START) === 0;

/**
 * A catch-up subscription to $all (server-side filtered to non-system streams) that starts after
 * the checkpoint, hands events to the handler one at a time and stores the checkpoint after each
 * batch: when `batchSize` events were handled or the client has nothing more buffered. A failing
 * handler checkpoints what it did handle, then the subscription restarts from there after a backoff.
 */
export class EventStoreDbSubscription implements Subscription {
  private current: GlobalPosition = START;
  private stopped = false;
  private active: AllStreamSubscription | undefined;
  private waiters: Waiter[] = [];
  private lastProgressAt = Date.now();
  private readonly loop: Promise<void>;

  constructor(
    readonly name: string,
    private readonly client: KurrentDBClient,
    private readonly handler: EventHandler,
    private readonly checkpoints: CheckpointStore,
    private readonly options: SubscribeOptions,
    private readonly headPosition: () => Promise<GlobalPosition | undefined>,
    private readonly onStopped: () => void,
  ) {
    this.loop = this.run();
  }

  position(): GlobalPosition {
    return this.current;
  }

  isAlive(): boolean {
    const window = Math.max(30_000, (this.options.pollIntervalMs ?? 100) * 20);
    return !this.stopped && (this.active !== undefined || Date.now() - this.lastProgressAt < window);
  }

  async caughtUp(): Promise<void> {
    if (this.stopped) throw new Error(`subscription ${this.name} is not running`);
    const target = await this.headPosition();
    await new Promise<void>((resolve, reject) => {
      this.waiters.push({ target, resolve, reject });
      this.settle();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.active?.unsubscribe().catch(() => undefined);
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    let loaded = false;
    while (!this.stopped) {
      try {
        if (!loaded) {
          this.current = await this.checkpoints.load(this.name);
          loaded = true;
        }
        await this.follow();
        failures = 0;
      } catch (error) {
        failures += 1;
        if (this.options.onError !== undefined) this.options.onError(error);
        else console.error(`subscription ${this.name} failed, restarting:`, error);
        await new Promise((resolve) => setTimeout(resolve, restartBackoffMs(100, failures)));
      }
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new Error(`subscription ${this.name} stopped`));
    this.onStopped();
  }

  private async follow(): Promise<void> {
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH;
    const subscription = this.client.subscribeToAll({
      fromPosition: isStart(this.current) ? ESDB_START : this.current,
      filter: streamNameFilter({ regex: `^(?!\\$|${CHECKPOINT_STREAM_PREFIX})` }),
    });
    this.active = subscription;
    let pending: GlobalPosition | undefined;
    let sinceCheckpoint = 0;
    try {
      for await (const resolved of subscription) {
        if (this.stopped) break;
        const position = resolved.event?.position;
        if (position === undefined || comparePositions(position, pending ?? this.current) <= 0) continue;
        const mapped = fromResolved(resolved);
        if (
          mapped !== undefined &&
          (this.options.filter === undefined || this.options.filter(mapped.stored))
        ) {
          await this.handler(mapped.stored);
        }
        pending = position;
        sinceCheckpoint += 1;
        this.lastProgressAt = Date.now();
        if (sinceCheckpoint >= batchSize || subscription.readableLength === 0) {
          await this.checkpoint(pending);
          pending = undefined;
          sinceCheckpoint = 0;
        }
      }
    } finally {
      this.active = undefined;
      if (pending !== undefined) await this.checkpoint(pending);
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private async checkpoint(position: GlobalPosition): Promise<void> {
    await this.checkpoints.store(this.name, position);
    this.current = position;
    this.settle();
  }

  private settle(): void {
    const ready = this.waiters.filter(
      (w) => w.target === undefined || comparePositions(this.current, w.target) >= 0,
    );
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const waiter of ready) waiter.resolve();
  }
}
