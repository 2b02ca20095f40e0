import type { EventMetadata } from '@crm/event-sourcing';

/**
 * Position in a store's global log. For PostgreSQL `commit` is the writing transaction's id
 * (pg_current_xact_id) and `prepare` the row's sequence number; the log is ordered by
 * (commit, prepare). EventStoreDB's commit/prepare positions map directly; the in-memory adapter
 * uses its append counter for both.
 */
export interface GlobalPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: GlobalPosition = Object.freeze({ commit: 0n, prepare: 0n });

export const comparePositions = (a: GlobalPosition, b: GlobalPosition): number =>
  a.commit < b.commit
    ? -1
    : a.commit > b.commit
      ? 1
      : a.prepare < b.prepare
        ? -1
        : a.prepare > b.prepare
          ? 1
          : 0;

/** `'no_stream'`: the stream must not exist; `'any'`: no check; a number: the exact current version. */
export type ExpectedVersion = 'no_stream' | 'any' | 'stream_exists' | number;

export interface NewEvent {
  /** Unique id (UUID). Re-appending the same ids to the same stream is an idempotent no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadata;
}

export interface StoredEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  /** 0-based version of the event inside its stream. */
  readonly version: number;
  readonly position: GlobalPosition;
  readonly data: Readonly<Record<string, unknown>>;
  /** Metadata with `recordTime` filled in from the commit. */
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
  /** sha256(previousHash + canonical event), hex. */
  readonly hash: string;
  readonly previousHash: string;
}

export interface AppendResult {
  /** Version of the last event now in the stream (what to pass as `expected` next time). */
  readonly nextExpectedVersion: number;
  readonly position: GlobalPosition;
}

export interface ReadStreamOptions {
  readonly fromVersion?: number;
  readonly toVersion?: number;
  /** As-of read: only events recorded at or before this instant. */
  readonly until?: Date;
}

export interface CheckpointStore {
  load(name: string): Promise<GlobalPosition>;
  store(name: string, position: GlobalPosition): Promise<void>;
}

export interface SubscribeOptions {
  /** Where to keep the checkpoint; defaults to the adapter's own checkpoint table. */
  readonly checkpoints?: CheckpointStore;
  readonly batchSize?: number;
  /** Poll interval when caught up (adapters may also be woken by notifications). */
  readonly pollIntervalMs?: number;
  readonly filter?: (event: StoredEvent) => boolean;
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  readonly name: string;
  /** Last position handled and checkpointed. */
  position(): GlobalPosition;
  /** Resolves once the subscription has handled everything committed before the call (see headPosition). */
  caughtUp(): Promise<void>;
  isAlive(): boolean;
  stop(): Promise<void>;
}

export type EventHandler = (event: StoredEvent) => Promise<void>;

export interface StreamVerification {
  readonly streamId: string;
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly problems: readonly HashChainProblem[];
}

export interface HashChainProblem {
  readonly kind: 'altered' | 'missing' | 'broken_link' | 'head_mismatch';
  readonly version: number;
  readonly eventId?: string;
  readonly detail: string;
}

/** Architecture §4: the port every adapter implements and the shared contract suite checks. */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  /** Gap-safe, in commit order, strictly after `from`. Never skips an event committed later with a lower sequence. */
  readAll(from: GlobalPosition, limit: number): Promise<StoredEvent[]>;
  /**
   * Position of the last event committed when called (START for an empty log). `readAll` may not
   * hand it out yet (a transaction that started earlier is still open), so "caught up" means a
   * reader's checkpoint reached this position, not that one read came back short.
   */
  headPosition(): Promise<GlobalPosition>;
  /**
   * Calls `listener` after each append made through this process (a hint to read again now; the
   * events may become readable only a little later). Appends by other processes are found by polling.
   * Returns the unregister function.
   */
  onAppended(listener: () => void): () => void;
  /** Catch-up then live; at-least-once; the handler sees each event once per successful checkpoint. */
  subscribe(name: string, handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** Current version of a stream, or -1 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  verifyStream(streamId: string): Promise<StreamVerification>;
  close(): Promise<void>;
}
