import type { EventMetadata } from '@crm/event-sourcing';
import {
  chainBatch,
  expectationHolds,
  isIdempotentReplay,
  normalizeEvents,
  wrongVersion,
  type StreamHead,
} from '../append-batch';
import {
  comparePositions,
  START,
  type AppendResult,
  type EventHandler,
  type EventStore,
  type ExpectedVersion,
  type GlobalPosition,
  type NewEvent,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamVerification,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';
import { verifyChain, type ChainedEvent } from '../hash-chain';
import { PollingSubscription } from '../subscription/polling-subscription';
import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';

interface Row extends ChainedEvent {
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  readonly position: GlobalPosition;
  readonly recordedAt: Date;
  readonly batch: number;
}

export interface InMemoryEventStoreOptions {
  /** Record-time source; defaults to the system clock. */
  readonly now?: () => Date;
}

/** JSON round trip: what a real store would give back (no shared references, no undefined fields). */
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * Same semantics as the PostgreSQL adapter, held in process memory, for unit tests. Appends are
 * synchronous inside the event loop, so commit order and append order coincide and readAll has no gaps.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, { head: StreamHead; rows: Row[] }>();
  private readonly byId = new Map<string, Row>();
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly appendListeners = new Set<() => void>();
  private readonly checkpoints = new InMemoryCheckpointStore();
  private readonly now: () => Date;
  private sequence = 0n;
  private batches = 0;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const batch = normalizeEvents(events).map((event) => stored(event));
    const stream = this.streams.get(streamId);
    const head = stream?.head ?? null;
    const existing = batch.flatMap((event) => this.byId.get(event.id) ?? []);
    if (isIdempotentReplay(streamId, batch, existing)) return this.originalResult(existing[0] as Row);
    if (!expectationHolds(expected, head)) throw wrongVersion(streamId, expected, head);
    if (batch.length === 0) return this.resultOf(stream?.rows[stream.rows.length - 1]);

    const recordedAt = this.now();
    const batchNumber = ++this.batches;
    const rows: Row[] = chainBatch(streamId, head, batch).map((event) => {
      this.sequence += 1n;
      return {
        ...event,
        data: event.data as Record<string, unknown>,
        metadata: event.metadata as EventMetadata,
        position: { commit: this.sequence, prepare: this.sequence },
        recordedAt,
        batch: batchNumber,
      };
    });
    const last = rows[rows.length - 1] as Row;
    const target = stream ?? { head: { version: -1, lastHash: '' }, rows: [] };
    target.rows.push(...rows);
    target.head = { version: last.version, lastHash: last.hash };
    this.streams.set(streamId, target);
    this.log.push(...rows);
    for (const row of rows) this.byId.set(row.id, row);
    for (const subscription of this.subscriptions) subscription.wake();
    for (const listener of [...this.appendListeners]) listener();
    return this.resultOf(last);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const from = options.fromVersion ?? 0;
    const to = options.toVersion ?? Number.MAX_SAFE_INTEGER;
    const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY;
    const rows = [...(this.streams.get(streamId)?.rows ?? [])];
    for (const row of rows) {
      if (row.version >= from && row.version <= to && row.recordedAt.getTime() <= until)
        yield toStoredEvent(row);
    }
  }

  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  async headPosition(): Promise<GlobalPosition> {
    return this.log[this.log.length - 1]?.position ?? START;
  }

  async readAll(from: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    const result: StoredEvent[] = [];
    for (const row of this.log) {
      if (result.length >= limit) break;
      if (comparePositions(row.position, from) > 0) result.push(toStoredEvent(row));
    }
    return result;
  }

  subscribe(name: string, handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const subscription: PollingSubscription = new PollingSubscription(
      name,
      this,
      handler,
      options.checkpoints ?? this.checkpoints,
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.streams.get(streamId)?.head.version ?? -1;
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const stream = this.streams.get(streamId);
    return verifyChain(streamId, stream?.rows ?? [], stream?.head ?? null);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  /** TEST HOOK: rewrites an event's data behind the store's back, as an UPDATE in SQL would. */
  unsafeAlterEventData(streamId: string, version: number, data: Record<string, unknown>): void {
    const rows = this.streams.get(streamId)?.rows ?? [];
    const index = rows.findIndex((row) => row.version === version);
    const row = rows[index];
    if (row === undefined) throw new Error(`no event ${streamId}@${version}`);
    const altered: Row = { ...row, data: stored(data) };
    rows[index] = altered;
    this.log[this.log.indexOf(row)] = altered;
    this.byId.set(row.id, altered);
  }

  /** TEST HOOK: removes an event but leaves the stream head as it is, as a DELETE in SQL would. */
  unsafeDeleteEvent(streamId: string, version: number): void {
    const rows = this.streams.get(streamId)?.rows ?? [];
    const index = rows.findIndex((row) => row.version === version);
    const row = rows[index];
    if (row === undefined) throw new Error(`no event ${streamId}@${version}`);
    rows.splice(index, 1);
    this.log.splice(this.log.indexOf(row), 1);
    this.byId.delete(row.id);
  }

  private originalResult(first: Row): AppendResult {
    const rows = this.streams.get(first.streamId)?.rows ?? [];
    return this.resultOf(rows.filter((row) => row.batch === first.batch).pop());
  }

  private resultOf(last: Row | undefined): AppendResult {
    return last === undefined
      ? { nextExpectedVersion: -1, position: START }
      : { nextExpectedVersion: last.version, position: last.position };
  }
}

const toStoredEvent = (row: Row): StoredEvent => ({
  id: row.id,
  streamId: row.streamId,
  type: row.type,
  version: row.version,
  position: row.position,
  data: stored(row.data),
  metadata: { ...stored(row.metadata), recordTime: row.recordedAt.toISOString() },
  recordedAt: new Date(row.recordedAt.getTime()),
  hash: row.hash,
  previousHash: row.previousHash,
});
