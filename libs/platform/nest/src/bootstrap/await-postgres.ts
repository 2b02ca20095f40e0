import type { Pool } from 'pg';
import { isTransientInfrastructureError } from '@crm/messaging';

export interface AwaitPostgresOptions {
  /** Give up after this long (0: a single attempt). */
  readonly timeoutMs: number;
  /** Where the pool points, for messages (never the full URL: it may hold a password). */
  readonly target: string;
  readonly logger: { warn(message: string): void };
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `pool` answers a query, retrying while PostgreSQL is unreachable or refuses
 * connections (starting together with the database, a restart, too many clients), with capped
 * exponential backoff and a warning per attempt; gives up with a clear error after `timeoutMs`.
 * Errors that waiting cannot fix (bad password, missing database) fail at once.
 */
export const awaitPostgres = async (pool: Pool, options: AwaitPostgresOptions): Promise<void> => {
  const deadline = Date.now() + options.timeoutMs;
  let delay = options.firstDelayMs ?? 250;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await pool.query('select 1');
      return;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (!isTransientInfrastructureError(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `PostgreSQL at ${options.target} still unavailable after ${attempt} attempts in ` +
            `${options.timeoutMs} ms (DB_STARTUP_TIMEOUT_MS): ${reason}`,
          { cause: error },
        );
      }
      const wait = Math.min(delay, left);
      options.logger.warn(
        `PostgreSQL at ${options.target} unavailable (attempt ${attempt}: ${reason}); retrying in ${wait} ms`,
      );
      await pause(wait);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 5_000);
    }
  }
};

/** host:port/database of a connection URL, without credentials. */
export const postgresTarget = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
};
