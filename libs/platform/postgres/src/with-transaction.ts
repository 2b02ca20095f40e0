import type { Pool, PoolClient } from 'pg';

const asError = (value: unknown): Error => (value instanceof Error ? value : new Error(String(value)));

/**
 * Runs `work` in one transaction on a connection of its own and returns its result: commit when it
 * resolves, rollback when it (or the commit) fails. The caller always sees the original error; a
 * failing rollback is swallowed only after that error, and its connection is destroyed instead of
 * going back to the pool in an unknown transaction state.
 */
export const withTransaction = async <T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> => {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no pool listener: a connection lost mid-transaction would otherwise
  // be an unhandled 'error' event (a crashed process) on top of the failed query the caller sees.
  const onConnectionError = (error: Error): void => {
    broken ??= error;
  };
  client.on('error', onConnectionError);
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch((rollbackError: unknown) => {
      broken ??= asError(rollbackError);
    });
    throw error;
  } finally {
    client.removeListener('error', onConnectionError);
    client.release(broken);
  }
};
