import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { PlatformConfig } from '../config/platform-config';

/**
 * The service's PostgreSQL pool. A session left idle inside a transaction is ended by the server
 * after PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: besides holding locks, an open transaction holds back
 * every gap-safe reader of the event log in the whole cluster (relays, projections), so a leaked
 * one must not live long.
 */
export const createServicePool = (config: PlatformConfig, applicationName: string): Pool => {
  const pool = new Pool({
    connectionString: config.DATABASE_URL,
    application_name: applicationName,
    idle_in_transaction_session_timeout: config.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (err) => new Logger('PgPool').error({ err }, 'idle PostgreSQL client failed'));
  return pool;
};
