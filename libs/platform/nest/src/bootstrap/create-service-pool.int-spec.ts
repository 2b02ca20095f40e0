import { requirePostgres } from '@crm/testing';
import { loadConfig } from '../config/load-config';
import { PlatformConfig } from '../config/platform-config';
import { createServicePool } from './create-service-pool';

describe('createServicePool (real PostgreSQL)', () => {
  it('has the server end a session left idle inside a transaction', async () => {
    const config = loadConfig(PlatformConfig, {
      DATABASE_URL: await requirePostgres(),
      PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: '300',
      NODE_ENV: 'test',
    });
    const pool = createServicePool(config, 'pool-test');
    try {
      const client = await pool.connect();
      client.on('error', () => undefined); // the server closes the session; expected here
      try {
        await client.query('begin');
        await client.query('select 1');
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await expect(client.query('select 1')).rejects.toThrow();
      } finally {
        client.release(true);
      }
      // The pool itself stays usable.
      expect((await pool.query<{ one: number }>('select 1 as one')).rows[0]?.one).toBe(1);
    } finally {
      await pool.end();
    }
  });
});
