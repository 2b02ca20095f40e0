import { IsString, Matches, MinLength, ValidateIf } from 'class-validator';
import { PlatformConfig } from '@crm/nest';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';

/** Only for local runs and tests; refused in production like the dev JWT secret. */
export const DEV_PII_HMAC_SECRET = 'dev-only-insecure-pii-hmac-secret-change-me-0123456789';

/** Environment of the customers service on top of the platform's (see .env.example). */
export class CustomersConfig extends PlatformConfig {
  /** Schema of the event store, idempotency keys and PII keys; read models live in `<SCHEMA>_read`. */
  @Matches(/^[a-z][a-z0-9_]{0,40}$/, {
    message: 'SCHEMA must be a lower-case SQL identifier (max 41 chars)',
  })
  SCHEMA: string = 'customers';

  /** Topic the relay publishes the customers contract events to. */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  /**
   * Key of the HMAC over normalised mobile numbers (uniqueness and lookups without storing them).
   * Changing it orphans every existing mobile reservation: treat it like a database key.
   */
  @ValidateIf((c: CustomersConfig) => c.NODE_ENV === 'production' || c.PII_HMAC_SECRET !== undefined)
  @MinLength(32)
  @IsString({ message: 'PII_HMAC_SECRET is required in production' })
  PII_HMAC_SECRET?: string;

  readSchema(): string {
    return `${this.SCHEMA}_read`;
  }

  piiHmacSecret(): string {
    if (this.PII_HMAC_SECRET !== undefined) return this.PII_HMAC_SECRET;
    if (this.NODE_ENV === 'production') throw new Error('PII_HMAC_SECRET is required in production');
    return DEV_PII_HMAC_SECRET;
  }
}
