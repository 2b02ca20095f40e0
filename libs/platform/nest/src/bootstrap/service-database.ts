import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { connectionUrlAs, prepareWriterRole, writerRoleFor } from '@crm/postgres';
import type { PlatformConfig } from '../config/platform-config';
import { awaitPostgres, postgresTarget } from './await-postgres';

/** Where the service's pools connect, and as which role (null: DATABASE_URL's user as it is). */
export interface ServiceDatabase {
  readonly url: string;
  readonly role: string | null;
}

/** DB_WRITER_ROLE, or `crm_<service>_writer` when unset; `off` keeps DATABASE_URL's user. */
export const writerRoleOf = (config: PlatformConfig, serviceName: string): string | null => {
  const configured = config.DB_WRITER_ROLE?.trim();
  if (configured === undefined || configured === '') return writerRoleFor(serviceName);
  return configured === 'off' ? null : configured;
};

/**
 * Prepares the service's writer role with DATABASE_URL's administrator connection (one connection,
 * closed before the service's pools open) and answers the URL that logs in as it. Start-up waits
 * out a database that is not up yet, like the pools themselves.
 */
export const connectServiceDatabase = async (
  config: PlatformConfig,
  serviceName: string,
  schemas: readonly string[],
): Promise<ServiceDatabase> => {
  const role = writerRoleOf(config, serviceName);
  if (role === null) return { url: config.DATABASE_URL, role: null };
  const admin = new Pool({
    connectionString: config.DATABASE_URL,
    application_name: `${serviceName}-setup`,
    max: 1,
  });
  admin.on('error', (err) => new Logger('PgPool').error({ err }, 'set-up connection failed'));
  try {
    await awaitPostgres(admin, {
      timeoutMs: config.DB_STARTUP_TIMEOUT_MS,
      target: postgresTarget(config.DATABASE_URL),
      logger: new Logger('Startup'),
    });
    const outcome = await prepareWriterRole(admin, role, schemas);
    return {
      url:
        outcome === 'already-connected-as-role'
          ? config.DATABASE_URL
          : connectionUrlAs(config.DATABASE_URL, role),
      role,
    };
  } finally {
    await admin.end().catch(() => undefined);
  }
};
