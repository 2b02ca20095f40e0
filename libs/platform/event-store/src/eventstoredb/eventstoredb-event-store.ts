import {
  BACKWARDS,
  END,
  KurrentDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AppendStreamState,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
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
  type CheckpointStore,
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
import { fromResolved, isOwnOrSystemStream, toEventData, type MappedEvent } from './esdb-mapping';
import { EventStoreDbCheckpointStore } from './eventstoredb-checkpoint-store';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://127.0.0.1:2113?tls=false`. Ignored when `client` is given. */
  readonly connectionString?: string;
  readonly client?: KurrentDBClient;
  /** Default checkpoint store for subscribe(); checkpoints in `crm-checkpoint-*` streams otherwise. */
  readonly checkpoints?: CheckpointStore;
}

/** How far back an append looks for its own ids (idempotent retries arrive soon after the original). */
const TAIL_SCAN = 200;
const MAX_ATTEMPTS = 20;
const ALL_PAGE = 500;

/**
 * EventStoreDB / KurrentDB adapter. The hash chain travels in each event's metadata (`$crm`).
 * Every write states the exact revision its chain was computed on (not the caller's `any`), so two
 * writers can never chain onto the same predecessor; the caller's expectation is checked against
 * the head read just before, and re-checked after a server-side conflict.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly ownsClient: boolean;
  private readonly checkpoints: CheckpointStore;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private readonly appendListeners = new Set<() => void>();

  constructor(options: EventStoreDbEventStoreOptions) {
    if (options.client !== undefined) {
      this.client = options.client;
      this.ownsClient = false;
    } else if (options.connectionString !== undefined) {
      this.client = KurrentDBClient.connectionString(options.connectionString);
      this.ownsClient = true;
    } else {
      throw new TypeError('EventStoreDbEventStore needs a connectionString or a client');
    }
    this.checkpoints = options.checkpoints ?? new EventStoreDbCheckpointStore(this.client);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const batch = normalizeEvents(events);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const tail = await this.readTail(streamId);
      const head: StreamHead | null =
        tail[0] === undefined ? null : { version: tail[0].chained.version, lastHash: tail[0].chained.hash };
      const ids = new Set(batch.map((event) => event.id));
      const existing = tail.filter((event) => ids.has(event.chained.id));
      if (
        isIdempotentReplay(
          streamId,
          batch,
          existing.map((event) => event.chained),
        )
      ) {
        return this.resultOf(existing.map((event) => event.stored));
      }
      if (!expectationHolds(expected, head)) throw wrongVersion(streamId, expected, head);
      if (batch.length === 0) return this.resultOf(tail.slice(0, 1).map((event) => event.stored));
      const chained = chainBatch(streamId, head, batch);
      const revision: AppendStreamState = head === null ? NO_STREAM : BigInt(head.version);
      try {
        await this.client.appendToStream(streamId, chained.map(toEventData), { streamState: revision });
        const last = chained[chained.length - 1] as ChainedEvent;
        for (const listener of [...this.appendListeners]) listener();
        // The position of the batch's last event as $all reports it, whatever the server's append
        // result counts as "the" position of a multi-event write.
        return { nextExpectedVersion: last.version, position: await this.positionOf(streamId, last.version) };
      } catch (error) {
        // Someone else extended the stream since the tail was read: look again (and re-check).
        if (!(error instanceof EsdbWrongExpectedVersionError)) throw error;
      }
    }
    throw wrongVersion(streamId, expected, null);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const from = options.fromVersion ?? 0;
    const to = options.toVersion;
    const until = options.until?.getTime();
    try {
      const reading = this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: BigInt(from),
        ...(to !== undefined ? { maxCount: BigInt(Math.max(0, to - from + 1)) } : {}),
      });
      for await (const resolved of reading) {
        const mapped = fromResolved(resolved);
        if (mapped === undefined) continue;
        if (until !== undefined && mapped.stored.recordedAt.getTime() > until) break;
        yield mapped.stored;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }

  /** $all is written by one leader in commit order, so it has no gaps to guard against. */
  async readAll(from: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    const result: StoredEvent[] = [];
    let after = from;
    while (result.length < limit) {
      const fromPosition: ReadPosition = comparePositions(after, START) === 0 ? ESDB_START : after;
      let count = 0;
      let lastSeen: GlobalPosition | undefined;
      for await (const resolved of this.client.readAll({
        fromPosition,
        maxCount: ALL_PAGE,
        direction: FORWARDS,
      })) {
        count += 1;
        const position = resolved.event?.position;
        if (position === undefined || comparePositions(position, after) <= 0) continue;
        lastSeen = position;
        const mapped = fromResolved(resolved);
        if (mapped !== undefined && result.length < limit) result.push(mapped.stored);
      }
      if (count < ALL_PAGE || lastSeen === undefined) break;
      after = lastSeen;
    }
    return result;
  }

  subscribe(name: string, handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const subscription: EventStoreDbSubscription = new EventStoreDbSubscription(
      name,
      this.client,
      handler,
      options.checkpoints ?? this.checkpoints,
      options,
      () => this.lastDomainPosition(),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  onAppended(listener: () => void): () => void {
    this.appendListeners.add(listener);
    return () => this.appendListeners.delete(listener);
  }

  async headPosition(): Promise<GlobalPosition> {
    return (await this.lastDomainPosition()) ?? START;
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await this.readTail(streamId, 1))[0]?.chained.version ?? -1;
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const events: ChainedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: ESDB_START,
      })) {
        const mapped = fromResolved(resolved);
        if (mapped !== undefined) events.push(mapped.chained);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    // EventStoreDB events are immutable and keep no separate head; truncation shows as missing versions.
    return verifyChain(streamId, events, undefined);
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsClient) await this.client.dispose();
  }

  /** The newest events of a stream, newest first. */
  private async readTail(streamId: string, count = TAIL_SCAN): Promise<MappedEvent[]> {
    const tail: MappedEvent[] = [];
    try {
      const reading = this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: count,
      });
      for await (const resolved of reading) {
        const mapped = fromResolved(resolved);
        if (mapped !== undefined) tail.push(mapped);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return tail;
  }

  /** The result of the append that wrote `events` (their newest member). */
  private resultOf(events: readonly StoredEvent[]): AppendResult {
    const newest = [...events].sort((a, b) => b.version - a.version)[0];
    return newest === undefined
      ? { nextExpectedVersion: -1, position: START }
      : { nextExpectedVersion: newest.version, position: newest.position };
  }

  private async positionOf(streamId: string, version: number): Promise<GlobalPosition> {
    for await (const resolved of this.client.readStream(streamId, {
      fromRevision: BigInt(version),
      maxCount: 1,
    })) {
      const position = resolved.event?.position;
      if (position !== undefined) return position;
    }
    return START;
  }

  /** Position of the newest event a subscription would deliver (skipping system and checkpoint streams). */
  private async lastDomainPosition(): Promise<GlobalPosition | undefined> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: ALL_PAGE,
    })) {
      const event = resolved.event;
      if (event !== undefined && !isOwnOrSystemStream(event.streamId)) return event.position;
    }
    return undefined;
  }
}
