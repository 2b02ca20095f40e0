import {
  type EventStore,
  type GlobalPosition,
  PositionWaiters,
  ReaderPacing,
  START,
  type StoredEvent,
} from '@crm/event-store';
import type { DataSource } from 'typeorm';
import { applyBatchWithin, type BatchOutcome, batchTarget, type BatchTarget } from './apply-batch';
import type { Projection } from './projection';
import { rebuildProjection, type RebuildResult } from './projection-rebuild';
import {
  ensureReadSchema,
  inTransaction,
  lockCheckpoint,
  readCheckpoint,
  writeCheckpoint,
} from './projection-sql';
import { createTables } from './projection-tables';

export interface ProjectionRunnerOptions {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly projection: Projection;
  /** The service's read schema (tables and `projection_checkpoints` live there). */
  readonly schema: string;
  readonly batchSize?: number;
  readonly pollIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Consecutive failed batches after which isAlive() reports false (the batch keeps being retried). */
  readonly unhealthyAfterFailures?: number;
}

export interface ProjectionLag {
  /** Events visible in the store and not applied yet, counted up to `probeLimit`. */
  readonly events: number;
  readonly capped: boolean;
  /** Milliseconds since the oldest unapplied event was recorded; 0 when caught up. */
  readonly ms: number;
}

type PollResult = { readonly read: number; readonly outcome: BatchOutcome };

/**
 * Tails the store's global log into one projection's live tables (architecture §6). Each batch
 * and its checkpoint commit in one transaction under the projection's advisory lock, so several
 * replicas (or a rebuild's swap) never apply the same events twice.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly live: BatchTarget;
  private readonly waiters = new PositionWaiters();
  private readonly pacing: ReaderPacing;
  private unwatch: () => void = () => undefined;
  private checkpoint: GlobalPosition = START;
  private storedVersion = 0;
  private running = false;
  private rebuilding = false;
  private loop: Promise<void> | undefined;
  private sleeper: { timer: NodeJS.Timeout; wake: () => void } | undefined;
  private consecutiveFailures = 0;
  private lastError: unknown;
  private lastPollAt = 0;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.pacing = new ReaderPacing(this.pollIntervalMs);
    this.live = batchTarget(options.projection, options.schema, options.projection.name, '');
  }

  get name(): string {
    return this.options.projection.name;
  }

  /**
   * Creates the read schema, checkpoint and tables on first boot (idempotent; also usable as a
   * deploy-time migration) and loads the checkpoint. Refuses to run code older than the tables.
   */
  async prepare(): Promise<void> {
    const stored = await this.setUp();
    if (stored.version > this.options.projection.version) {
      throw new Error(
        `projection ${this.name}: tables are at version ${stored.version}, this code is version ${this.options.projection.version}`,
      );
    }
    this.checkpoint = stored.position;
    this.storedVersion = stored.version;
  }

  /** Polls until stopped. A stored checkpoint of an older version triggers a rebuild first (old tables keep serving). */
  async start(): Promise<void> {
    if (this.running) return;
    await this.prepare();
    this.running = true;
    this.lastPollAt = Date.now();
    this.unwatch = this.options.store.onAppended(() => {
      this.pacing.woken();
      this.sleeper?.wake();
    });
    this.loop = this.run(this.storedVersion < this.options.projection.version);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unwatch();
    this.sleeper?.wake();
    await this.loop;
    this.loop = undefined;
    this.waiters.rejectAll(new Error(`projection ${this.name} stopped`));
  }

  /** Resolves once everything committed to the store before the call has been applied. */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    if (!this.running) throw new Error(`projection ${this.name} is not running`);
    const head = await this.options.store.headPosition();
    const waiting = this.waiters.add(
      head,
      this.checkpoint,
      timeoutMs,
      `projection ${this.name} not caught up within ${timeoutMs} ms`,
    );
    this.sleeper?.wake();
    await waiting;
  }

  isAlive(): boolean {
    const failing = this.consecutiveFailures >= (this.options.unhealthyAfterFailures ?? 5);
    const polling =
      this.rebuilding || Date.now() - this.lastPollAt < Math.max(30_000, this.pollIntervalMs * 20);
    return this.running && !failing && polling;
  }

  position(): GlobalPosition {
    return this.checkpoint;
  }

  error(): unknown {
    return this.lastError;
  }

  async lag(probeLimit = 1_000): Promise<ProjectionLag> {
    const pending = await this.options.store.readAll(this.checkpoint, probeLimit);
    const oldest = pending[0];
    return {
      events: pending.length,
      capped: pending.length === probeLimit,
      ms: oldest === undefined ? 0 : Math.max(0, Date.now() - oldest.recordedAt.getTime()),
    };
  }

  /** Reads and applies one batch from the current checkpoint; returns how many events were applied. */
  async runOnce(): Promise<number> {
    const { read, outcome } = await this.poll();
    return outcome === 'applied' ? read : 0;
  }

  /**
   * Applies `events` read after `from` in one transaction with the checkpoint. Exposed so callers
   * (and tests) can see that re-submitting a batch that was already applied writes nothing.
   */
  async applyBatch(from: GlobalPosition, events: readonly StoredEvent[]): Promise<BatchOutcome> {
    const outcome = await inTransaction(
      () => this.options.dataSource.createQueryRunner(),
      (runner) => applyBatchWithin(runner, this.live, from, events),
    );
    const last = events[events.length - 1];
    if (outcome === 'applied' && last !== undefined) this.checkpoint = last.position;
    if (outcome === 'stale') await this.reloadCheckpoint();
    return outcome;
  }

  /** Rebuilds into shadow tables and swaps them in; this runner keeps serving and continues after. */
  async rebuild(options: { batchSize?: number } = {}): Promise<RebuildResult> {
    this.rebuilding = true;
    try {
      const result = await rebuildProjection({
        dataSource: this.options.dataSource,
        store: this.options.store,
        projection: this.options.projection,
        schema: this.options.schema,
        batchSize: options.batchSize ?? this.batchSize,
      });
      this.sleeper?.wake();
      return result;
    } finally {
      this.rebuilding = false;
    }
  }

  private async setUp(): Promise<{ position: GlobalPosition; version: number }> {
    const { projection, schema } = this.options;
    return inTransaction(
      () => this.options.dataSource.createQueryRunner(),
      async (runner) => {
        await ensureReadSchema(runner, schema);
        await lockCheckpoint(runner, schema, projection.name);
        const stored = await readCheckpoint(runner, schema, projection.name);
        if (stored !== undefined) return stored;
        await createTables(runner, projection, schema, '');
        await writeCheckpoint(runner, schema, projection.name, {
          position: START,
          version: projection.version,
        });
        return { position: START, version: projection.version };
      },
    );
  }

  private async reloadCheckpoint(): Promise<void> {
    const stored = await inTransaction(
      () => this.options.dataSource.createQueryRunner(),
      (runner) => readCheckpoint(runner, this.options.schema, this.name),
    );
    if (stored === undefined) throw new Error(`projection ${this.name}: checkpoint row disappeared`);
    if (stored.version !== this.options.projection.version) {
      throw new Error(
        `projection ${this.name}: checkpoint is at version ${stored.version}, this code is not`,
      );
    }
    this.checkpoint = stored.position;
  }

  private async poll(): Promise<PollResult> {
    const from = this.checkpoint;
    const events = await this.options.store.readAll(from, this.batchSize);
    const outcome = events.length === 0 ? 'applied' : await this.applyBatch(from, events);
    this.lastPollAt = Date.now();
    this.waiters.settle(this.checkpoint);
    return { read: events.length, outcome };
  }

  private async run(rebuildFirst: boolean): Promise<void> {
    let needsRebuild = rebuildFirst;
    while (this.running) {
      let again = false;
      let read = 0;
      try {
        if (needsRebuild) {
          await this.rebuild();
          needsRebuild = false;
          await this.reloadCheckpoint();
        }
        const polled = await this.poll();
        read = polled.read;
        this.consecutiveFailures = 0;
        again = polled.outcome === 'stale' || read === this.batchSize;
      } catch (error) {
        this.consecutiveFailures += 1;
        this.lastError = error;
        this.options.onError?.(error);
      }
      if (again || !this.running) continue;
      await this.sleep(
        this.consecutiveFailures === 0
          ? this.pacing.idleMs(read)
          : this.pollIntervalMs + Math.min(5_000, 2 ** this.consecutiveFailures * 50),
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const sleeper = {
        timer: setTimeout(() => sleeper.wake(), ms),
        wake: (): void => {
          clearTimeout(sleeper.timer);
          if (this.sleeper === sleeper) this.sleeper = undefined;
          resolve();
        },
      };
      this.sleeper = sleeper;
    });
  }
}
