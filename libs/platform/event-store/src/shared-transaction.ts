import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/**
 * One PostgreSQL transaction that every unit of work started inside `withSharedTransaction` joins,
 * committed by whoever opened the scope. The idempotency interceptor opens one per keyed request so
 * the request's events, its side rows (timers, counters, reservations) and its stored answer commit
 * together: a crash before the commit leaves nothing, a crash after it leaves the answer.
 *
 * It opens lazily, at the first unit (or at `commit`), so a request holds no connection while it
 * reads and decides. `onBegin` runs first inside it: the idempotency claim, whose unique key makes a
 * concurrent duplicate wait here until this transaction ends.
 */
export class SharedTransaction {
  private opening: Promise<PoolClient> | undefined;
  private client: PoolClient | undefined;
  private broken: Error | undefined;
  private savepoints = 0;
  private ended = false;
  private readonly onConnectionError = (error: Error): void => {
    this.broken ??= error;
  };

  constructor(
    private readonly pool: Pool,
    private readonly onBegin: (client: PoolClient) => Promise<void> = async () => undefined,
  ) {}

  /** The connection when the transaction is open, so reads see this request's own writes. */
  get openClient(): PoolClient | undefined {
    return this.client;
  }

  /** The transaction's connection, beginning it (and running `onBegin`) on first use. */
  join(): Promise<PoolClient> {
    if (this.ended) return Promise.reject(new Error('the shared transaction has already ended'));
    this.opening ??= this.begin();
    return this.opening;
  }

  /**
   * Runs `work` inside the transaction behind a savepoint: when it fails, its own writes are undone
   * and the transaction stays usable, so a unit may retry after a concurrent append. Units of one
   * request run one after another (they share one connection).
   */
  async savepoint<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.join();
    this.savepoints += 1;
    const name = `unit_${this.savepoints}`;
    await client.query(`savepoint ${name}`);
    try {
      const result = await work(client);
      await client.query(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await client.query(`rollback to savepoint ${name}`).catch((rollbackError: unknown) => {
        this.broken ??= asError(rollbackError);
      });
      throw error;
    }
  }

  /** Runs `last` in the transaction (opening it if no unit did), then commits. */
  async commit<T>(last: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.join();
    try {
      const result = await last(client);
      await client.query('commit');
      this.finish();
      return result;
    } catch (error) {
      await this.rollback();
      throw error;
    }
  }

  /** Undoes everything the units wrote; a transaction never opened costs nothing. */
  async rollback(): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    await client.query('rollback').catch((rollbackError: unknown) => {
      this.broken ??= asError(rollbackError);
    });
    this.finish();
  }

  private async begin(): Promise<PoolClient> {
    const client = await this.pool.connect();
    // A checked-out client has no pool listener: a lost connection would otherwise crash the process.
    client.on('error', this.onConnectionError);
    this.client = client;
    await client.query('begin');
    await this.onBegin(client);
    return client;
  }

  private finish(): void {
    this.ended = true;
    const client = this.client;
    if (client === undefined) return;
    this.client = undefined;
    client.removeListener('error', this.onConnectionError);
    // A connection in an unknown state is destroyed, never handed back to the pool.
    client.release(this.broken);
  }
}

const ambient = new AsyncLocalStorage<SharedTransaction>();

/** Runs `work` so that every unit of work it starts joins `transaction`. */
export const withSharedTransaction = <T>(
  transaction: SharedTransaction,
  work: () => Promise<T>,
): Promise<T> => ambient.run(transaction, work);

/** The shared transaction of the current request, if its caller opened one. */
export const currentSharedTransaction = (): SharedTransaction | undefined => ambient.getStore();

const unitClients = new AsyncLocalStorage<PoolClient>();

/** Runs a unit's body so that the store's reads inside it go through the unit's own connection. */
export const readingWithin = <T>(client: PoolClient, work: () => Promise<T>): Promise<T> =>
  unitClients.run(client, work);

/**
 * The connection a read should use: the running unit's, else the request's open shared
 * transaction. Reads there see the request's own uncommitted writes and take no second connection
 * from the pool while the transaction holds one.
 */
export const currentReadingClient = (): PoolClient | undefined =>
  unitClients.getStore() ?? ambient.getStore()?.openClient;
