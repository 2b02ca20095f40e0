import { createHash } from 'node:crypto';
import { IsString, Matches, MinLength, ValidateIf } from 'class-validator';
import { ServiceConfig } from '@crm/nest';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { INVITATIONS_TOPIC } from '@crm/invitations-contracts';
import { COMPLAINTS_TOPIC } from '@crm/complaints-contracts';

/** Only for local runs and tests; refused in production like the dev JWT secret. */
export const DEV_PII_HMAC_SECRET = 'dev-only-insecure-pii-hmac-secret-change-me-0123456789';

/** Only for local runs and tests: the dev master key is derived from this public text. */
export const DEV_PII_MASTER_KEY_SEED = 'dev-only-insecure-pii-master-key';

/** Environment of the customers service on top of the platform's (see .env.example). */
export class CustomersConfig extends ServiceConfig {
  /** Also holds the PII keys (`pii_keys`). */
  override SCHEMA = 'customers';

  /** Topic the relay publishes the customers contract events to. */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  /** Invitation confirmed, attendance, event sale: qualifying service and referral points. */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'INVITATIONS_TOPIC must be a Kafka topic name' })
  INVITATIONS_TOPIC: string = INVITATIONS_TOPIC;

  /** Customer transfer requested after an unresolved complaint. */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'COMPLAINTS_TOPIC must be a Kafka topic name' })
  COMPLAINTS_TOPIC: string = COMPLAINTS_TOPIC;

  /**
   * Key of the HMAC over normalised mobile numbers (uniqueness and lookups without storing them).
   * Changing it orphans every existing mobile reservation: treat it like a database key.
   */
  @ValidateIf((c: CustomersConfig) => c.NODE_ENV === 'production' || c.PII_HMAC_SECRET !== undefined)
  @MinLength(32)
  @IsString({ message: 'PII_HMAC_SECRET is required in production' })
  PII_HMAC_SECRET?: string;

  /**
   * Master key (KEK) wrapping every per-customer data key: base64 of 32 random bytes
   * (`openssl rand -base64 32`). Losing it loses all personal data; changing it needs a re-wrap.
   */
  @ValidateIf((c: CustomersConfig) => c.NODE_ENV === 'production' || c.PII_MASTER_KEY !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, {
    message: 'PII_MASTER_KEY must be base64 of 32 bytes (required in production)',
  })
  PII_MASTER_KEY?: string;

  piiMasterKey(): Buffer {
    if (this.PII_MASTER_KEY !== undefined) return Buffer.from(this.PII_MASTER_KEY, 'base64');
    if (this.NODE_ENV === 'production') throw new Error('PII_MASTER_KEY is required in production');
    return createHash('sha256').update(DEV_PII_MASTER_KEY_SEED).digest();
  }

  piiHmacSecret(): string {
    if (this.PII_HMAC_SECRET !== undefined) return this.PII_HMAC_SECRET;
    if (this.NODE_ENV === 'production') throw new Error('PII_HMAC_SECRET is required in production');
    return DEV_PII_HMAC_SECRET;
  }
}
