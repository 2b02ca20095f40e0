import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '@crm/postgres';
import { expectationHolds, normalizeEvents, wrongVersion } from '../append-batch';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedVersion,
  GlobalPosition,
  NewEvent,
  ReadStreamOptions,
  StoredEvent,
  StreamVerification,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { START } from '../event-store.port';
import { verifyChain } from '../hash-chain';
import { currentReadingClient } from '../shared-transaction';
import { PollingSubscription } from '../subscription/polling-subscription';
import { registerForWake, wakeAll } from '../subscription/wake-registry';
import { HeadCache } from './head-cache';
import { PostgresAppender } from './postgres-append';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { toChainedEvent, toStoredEvent, type EventRow } from './postgres-rows';
import { migrateEventStore } from './postgres-schema';
import { postgresStatements, type PostgresStatements } from './postgres-statements';
import { quoteSchema, type SqlRunner } from './sql-runner';

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  /** One schema per service (architecture §4); created by migrate(). */
  readonly schema: string;
  /** Streams whose head (version + hash) is remembered between appends. */
  readonly headCacheSize?: number;
  /**
   * TEST ONLY. Drops the xmin rule from readAll so the gap test can prove it detects the bug the
   * rule prevents. Never set this in a service: subscribers would silently skip late commits.
   */
  readonly unsafeDisableGapProtection?: boolean;
}

const STREAM_PAGE = 500;

/** The default adapter (architecture §4): one PostgreSQL schema holding events, stream heads and checkpoints. */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  private readonly pool: Pool;
  private readonly sql: PostgresStatements;
  private readonly heads: HeadCache;
  private readonly appender: PostgresAppender;
  private readonly gapSafe: boolean;
  private readonly subscriptions = new Set<PollingSubscription>();

  constructor(options: PostgresEventStoreOptions) {
    quoteSchema(options.schema);
    this.pool = options.pool;
    this.schema = options.schema;
    this.sql = postgresStatements(options.schema);
    this.heads = new HeadCache(options.headCacheSize ?? 10_000);
    this.appender = new PostgresAppender(this.sql, this.heads);
    this.gapSafe = options.unsafeDisableGapProtection !== true;
  }

  migrate(): Promise<void> {
    return migrateEventStore(this.pool, this.schema);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendWithin(this.pool, streamId, events, expected);
  }

  /**
   * Appends on a client whose transaction the caller owns (e.g. to commit events together with
   * other rows). Nothing is visible to readAll or subscribers until the caller commits.
   */
  async appendWithin(
    db: SqlRunner,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const batch = normalizeEvents(events);
    if (batch.length === 0) return this.emptyAppend(db, streamId, expected);
    const result = await this.appender.append(db, streamId, batch, expected);
    // Before the caller's commit: woken readers keep looking every few ms until it is visible.
    wakeAll(this.wakeKey());
    return result;
  }

  /** Runs `work` in a transaction of its own on this store's pool (commit when it resolves). */
  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return withTransaction(this.pool, work);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    let from = options.fromVersion ?? 0;
    const to = options.toVersion ?? null;
    const until = options.until ?? null;
    // Within a unit or a request's open shared transaction, read on it: a second command of the same
    // request must see the first one's uncommitted events, or it would decide on a stale stream.
    const db = currentReadingClient() ?? this.pool;
    for (;;) {
      const result = await db.query<EventRow>({
        ...this.sql.readStream,
        values: [streamId, from, to, until, STREAM_PAGE],
      });
      for (const row of result.rows) yield toStoredEvent(row);
      const last = result.rows[result.rows.length - 1];
      if (last !== undefined) this.heads.remember(streamId, { version: last.version, lastHash: last.hash });
      if (last === undefined || result.rows.length < STREAM_PAGE) return;
      from = last.version + 1;
    }
  }

  /**
   * Gap-safe global log. Sequence numbers are handed out before commit, so a reader ordering by
   * them alone could pass a number whose transaction commits later and never come back for it.
   * Ordering by (transaction id, position) and reading only transactions older than the oldest
   * one still running means everything at or before the returned positions is final.
   */
  async readAll(from: GlobalPosition, limit: number): Promise<StoredEvent[]> {
    const statement = this.gapSafe ? this.sql.readAllSafe : this.sql.readAllUnsafe;
    const result = await this.pool.query<EventRow>({
      ...statement,
      values: [from.commit.toString(), from.prepare.toString(), limit],
    });
    return result.rows.map(toStoredEvent);
  }

  async headPosition(): Promise<GlobalPosition> {
    const result = await this.pool.query<{ transaction_id: string; position: string }>(this.sql.head);
    const row = result.rows[0];
    return row === undefined ? START : { commit: BigInt(row.transaction_id), prepare: BigInt(row.position) };
  }

  onAppended(listener: () => void): () => void {
    return registerForWake(this.wakeKey(), { wake: listener });
  }

  subscribe(name: string, handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const checkpoints = options.checkpoints ?? new PostgresCheckpointStore(this.pool, this.schema);
    let unregister = (): void => undefined;
    const subscription: PollingSubscription = new PollingSubscription(
      name,
      this,
      handler,
      checkpoints,
      options,
      () => {
        unregister();
        this.subscriptions.delete(subscription);
      },
    );
    unregister = registerForWake(this.wakeKey(), subscription);
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await this.appender.readHead(this.pool, streamId))?.version ?? -1;
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    const rows: EventRow[] = [];
    for (;;) {
      const from = (rows[rows.length - 1]?.version ?? -1) + 1;
      const page = await this.pool.query<EventRow>({
        ...this.sql.readStream,
        values: [streamId, from, null, null, STREAM_PAGE],
      });
      rows.push(...page.rows);
      if (page.rows.length < STREAM_PAGE) break;
    }
    const head = await this.appender.readHead(this.pool, streamId);
    return verifyChain(streamId, rows.map(toChainedEvent), head);
  }

  /** Stops this store's subscriptions. The pool belongs to the caller and stays open. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  private wakeKey(): string {
    return `postgres:${this.schema}`;
  }

  private async emptyAppend(
    db: SqlRunner,
    streamId: string,
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const head = await this.appender.readHead(db, streamId);
    if (!expectationHolds(expected, head)) throw wrongVersion(streamId, expected, head);
    const last = await db.query<{ version: number; position: string; transaction_id: string }>({
      text: this.sql.lastEvent,
      values: [streamId],
    });
    const row = last.rows[0];
    return row === undefined
      ? { nextExpectedVersion: -1, position: { commit: 0n, prepare: 0n } }
      : {
          nextExpectedVersion: row.version,
          position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.position) },
        };
  }
}
