import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/** Stable signed 64-bit key for a name, as PostgreSQL's bigint advisory-lock functions expect. */
export const advisoryLockKey = (name: string): string =>
  createHash('sha256').update(name).digest().readBigInt64BE(0).toString();

/**
 * A PostgreSQL session advisory lock held on its own connection: PostgreSQL frees it when that
 * connection ends, so a crashed holder never blocks a standby for longer than the TCP timeout.
 */
export class SessionAdvisoryLock {
  readonly key: string;
  private client?: PoolClient;
  private lost = false;
  // Kept attached while the connection is checked out: an unhandled 'error' would crash the process.
  private readonly onError = (): void => {
    this.lost = true;
  };

  constructor(
    private readonly pool: Pool,
    name: string,
  ) {
    this.key = advisoryLockKey(name);
  }

  get held(): boolean {
    return this.client !== undefined && !this.lost;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.client) return !this.lost;
    const client = await this.pool.connect();
    client.on('error', this.onError);
    try {
      const result = await client.query<{ locked: boolean }>(
        'select pg_try_advisory_lock($1::bigint) as locked',
        [this.key],
      );
      if (result.rows[0]?.locked === true) {
        this.client = client;
        this.lost = false;
        return true;
      }
    } catch {
      client.off('error', this.onError);
      client.release(true);
      return false;
    }
    client.off('error', this.onError);
    client.release();
    return false;
  }

  /** Round trip on the lock's connection; false when it died (and the lock with it). */
  async verify(): Promise<boolean> {
    if (!this.client || this.lost) return false;
    try {
      await this.client.query('select 1');
      return true;
    } catch {
      this.lost = true;
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = undefined;
    let destroy = this.lost;
    if (!destroy) {
      try {
        await client.query('select pg_advisory_unlock($1::bigint)', [this.key]);
      } catch {
        destroy = true;
      }
    }
    client.off('error', this.onError);
    // Destroying the connection is the sure way to drop a lock we could not unlock explicitly.
    client.release(destroy);
    this.lost = false;
  }
}
