import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { IsConnectionUrl } from './is-connection-url';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const EVENT_STORE_KINDS = ['postgres', 'eventstoredb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];

/**
 * Only for local runs and tests: anyone can read it here, so tokens signed with it prove nothing.
 * `loadConfig` fills it in only when NODE_ENV is `development` or `test` and refuses it otherwise.
 */
export const DEV_JWT_SECRET = 'dev-only-insecure-jwt-secret-change-me-0123456789';

/** Only for local runs and tests, like {@link DEV_JWT_SECRET}: keys the idempotency request hash. */
export const DEV_IDEMPOTENCY_HASH_SECRET = 'dev-only-insecure-idempotency-hash-secret-0123456789';

/** The only NODE_ENV values under which development secrets are used (exact, lower case). */
export const DEVELOPMENT_ENVIRONMENTS: readonly string[] = ['development', 'test'];

/** The refusal a secret gets when it is missing outside development, saying how to fix it. */
export const requiredOutsideDevelopment =
  (name: string, alternative = '') =>
  ({ object }: ValidationArguments): string => {
    const env = (object as PlatformConfig).NODE_ENV;
    return (
      `${name} is required${alternative}: development secrets are used only when NODE_ENV is ` +
      `development or test, and NODE_ENV is ${env === undefined ? 'unset' : `'${env}'`}`
    );
  };

/**
 * Environment every service shares (architecture §8: validated at boot, defaults that work on the
 * local setup). A service declares its own variables by extending this class.
 */
export class PlatformConfig {
  /**
   * `development` or `test` allow the labelled development secrets; anything else (production,
   * staging, unset) needs real ones, so a deployment that forgets NODE_ENV fails safe.
   */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  /** Overrides the service name used in logs and metrics (e.g. to tell replicas apart). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  SERVICE_NAME?: string;

  /** When unset, the port given to `bootstrapService` is used. */
  @IsOptional()
  @Max(65535)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  PORT?: number;

  @IsConnectionUrl(['postgres', 'postgresql'])
  DATABASE_URL: string = 'postgres://postgres@127.0.0.1:5432/crm';

  /** Comma-separated host:port list. */
  @IsString()
  @MinLength(1)
  KAFKA_BROKERS: string = '127.0.0.1:19092';

  /** HS256 signing secret. Required outside development and test unless JWT_JWKS_URL is set. */
  @ValidateIf((c: PlatformConfig) => c.JWT_SECRET !== undefined || !c.JWT_JWKS_URL)
  @MinLength(16)
  @IsString({ message: requiredOutsideDevelopment('JWT_SECRET', ' (or JWT_JWKS_URL)') })
  JWT_SECRET?: string;

  /** When set, bearer tokens are verified against this JWKS instead of JWT_SECRET. */
  @IsOptional()
  @IsConnectionUrl(['http', 'https'])
  JWT_JWKS_URL?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsIn(EVENT_STORE_KINDS)
  EVENT_STORE: EventStoreKind = 'postgres';

  /** Connection string for EventStoreDB/KurrentDB, required when EVENT_STORE=eventstoredb. */
  @ValidateIf((c: PlatformConfig) => c.EVENT_STORE === 'eventstoredb' || c.ESDB_URL !== undefined)
  @MinLength(1)
  @IsString({ message: 'ESDB_URL is required when EVENT_STORE=eventstoredb' })
  ESDB_URL?: string;

  /** How long an answered Idempotency-Key is remembered (a repeat after that runs again). */
  @Max(24 * 365)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  IDEMPOTENCY_RETENTION_HOURS: number = 168;

  /**
   * Key of the HMAC over each idempotent request (method, path, body). The stored hash then says
   * nothing about the body: a name or mobile number in it cannot be confirmed by hashing guesses.
   */
  @MinLength(32)
  @IsString({ message: requiredOutsideDevelopment('IDEMPOTENCY_HASH_SECRET') })
  IDEMPOTENCY_HASH_SECRET?: string;

  /**
   * Read-only database role granted USAGE and SELECT on the service's read schema at boot (analysts,
   * architecture §6). Skipped with a warning when the role does not exist; empty disables it.
   */
  @IsString()
  READ_MODEL_ROLE: string = 'crm_analyst';

  /** A session idle inside a transaction longer than this is ended by the server (0 = never). */
  @Max(3_600_000)
  @Min(0)
  @IsInt()
  @Type(() => Number)
  PG_IDLE_IN_TRANSACTION_TIMEOUT_MS: number = 60_000;

  /**
   * Connections of the service's main pool (commands, queries, inbox, timers; the relay keeps one
   * for its leader lock). With DB_PROJECTION_POOL_MAX this is the service's whole budget on a
   * shared server (docs/platform.md, "Connection budget").
   */
  @Max(100)
  @Min(2)
  @IsInt()
  @Type(() => Number)
  DB_POOL_MAX: number = 8;

  /** Connections of the projections' TypeORM pool (a rebuild needs two). */
  @Max(100)
  @Min(2)
  @IsInt()
  @Type(() => Number)
  DB_PROJECTION_POOL_MAX: number = 2;

  /** How long a request waits for a free connection before it is answered 503 (pool exhausted). */
  @Max(60_000)
  @Min(50)
  @IsInt()
  @Type(() => Number)
  DB_POOL_ACQUIRE_TIMEOUT_MS: number = 5_000;

  /** How long start-up keeps retrying while PostgreSQL refuses connections before giving up. */
  @Max(3_600_000)
  @Min(0)
  @IsInt()
  @Type(() => Number)
  DB_STARTUP_TIMEOUT_MS: number = 60_000;

  /** Largest accepted JSON request body. */
  @IsString()
  @MinLength(1)
  JSON_BODY_LIMIT: string = '256kb';

  allowsDevelopmentSecrets(): boolean {
    return this.NODE_ENV !== undefined && DEVELOPMENT_ENVIRONMENTS.includes(this.NODE_ENV);
  }

  /**
   * Variable → its public development value. `loadConfig` fills these in under development and
   * test and refuses them anywhere else; a service with secrets of its own adds them here.
   */
  developmentSecrets(): Readonly<Record<string, string>> {
    return {
      ...(this.JWT_JWKS_URL === undefined ? { JWT_SECRET: DEV_JWT_SECRET } : {}),
      IDEMPOTENCY_HASH_SECRET: DEV_IDEMPOTENCY_HASH_SECRET,
    };
  }

  idempotencyHashSecret(): string {
    if (this.IDEMPOTENCY_HASH_SECRET === undefined) {
      throw new Error('IDEMPOTENCY_HASH_SECRET is not set (use loadConfig)');
    }
    return this.IDEMPOTENCY_HASH_SECRET;
  }

  kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',')
      .map((b) => b.trim())
      .filter((b) => b.length > 0);
  }
}
