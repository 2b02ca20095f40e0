import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { PlatformConfig } from '../config/platform-config';
import { awaitPostgres, postgresTarget } from './await-postgres';

/**
 * The service's PostgreSQL pool: DB_POOL_MAX connections; a request that finds none free within
 * DB_POOL_ACQUIRE_TIMEOUT_MS fails (answered 503) instead of queueing without bound. A session
 * left idle inside a transaction is ended by the server after PG_IDLE_IN_TRANSACTION_TIMEOUT_MS:
 * besides holding locks, an open transaction holds back every gap-safe reader of the event log in
 * the whole cluster (relays, projections), so a leaked one must not live long.
 */
export const createServicePool = (config: PlatformConfig, applicationName: string): Pool => {
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    application_name: applicationName,
    max: config.DB_POOL_MAX,
    connectionTimeoutMillis: config.DB_POOL_ACQUIRE_TIMEOUT_MS,
    idle_in_transaction_session_timeout: config.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => new Logger('PgPool').error({ err }, 'idle PostgreSQL client failed'));
  return pool;
};

/** The service pool once PostgreSQL answers: start-up waits out a database that is not up yet. */
export const connectServicePool = async (config: PlatformConfig, applicationName: string): Promise<Pool> => {
  const pool = createServicePool(config, applicationName);
  try {
    await awaitPostgres(pool, {
      timeoutMs: config.DB_STARTUP_TIMEOUT_MS,
      target: postgresTarget(config.DATABASE_URL),
      logger: new Logger('Startup'),
    });
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
};
