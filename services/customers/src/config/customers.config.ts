import { createHash } from 'node:crypto';
import { IsString, Matches, MinLength } from 'class-validator';
import { requiredOutsideDevelopment, ServiceConfig } from '@crm/nest';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { INVITATIONS_TOPIC } from '@crm/invitations-contracts';
import { COMPLAINTS_TOPIC } from '@crm/complaints-contracts';

/** Only for development and test; refused anywhere else like the dev JWT secret. */
export const DEV_PII_HMAC_SECRET = 'dev-only-insecure-pii-hmac-secret-change-me-0123456789';

/** Only for development and test: the dev master key is derived from this public text. */
export const DEV_PII_MASTER_KEY_SEED = 'dev-only-insecure-pii-master-key';

const DEV_PII_MASTER_KEY = createHash('sha256').update(DEV_PII_MASTER_KEY_SEED).digest('base64');

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
  @MinLength(32)
  @IsString({ message: requiredOutsideDevelopment('PII_HMAC_SECRET') })
  PII_HMAC_SECRET?: string;

  /**
   * Master key (KEK) wrapping every per-customer data key: base64 of 32 random bytes
   * (`openssl rand -base64 32`). Losing it loses all personal data; changing it needs a re-wrap.
   */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PII_MASTER_KEY must be base64 of 32 bytes' })
  @IsString({ message: requiredOutsideDevelopment('PII_MASTER_KEY') })
  PII_MASTER_KEY?: string;

  override developmentSecrets(): Readonly<Record<string, string>> {
    return {
      ...super.developmentSecrets(),
      PII_HMAC_SECRET: DEV_PII_HMAC_SECRET,
      PII_MASTER_KEY: DEV_PII_MASTER_KEY,
    };
  }

  piiMasterKey(): Buffer {
    if (this.PII_MASTER_KEY === undefined) throw new Error('PII_MASTER_KEY is not set (use loadConfig)');
    return Buffer.from(this.PII_MASTER_KEY, 'base64');
  }

  piiHmacSecret(): string {
    if (this.PII_HMAC_SECRET === undefined) throw new Error('PII_HMAC_SECRET is not set (use loadConfig)');
    return this.PII_HMAC_SECRET;
  }
}
