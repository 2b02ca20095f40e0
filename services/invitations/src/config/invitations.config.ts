import { Matches } from 'class-validator';
import { PlatformConfig } from '@crm/nest';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';

/** Environment of the invitations service on top of the platform's (see .env.example). */
export class InvitationsConfig extends PlatformConfig {
  /**
   * Schema of the event store, inbox, dead letters and idempotency keys; read models live in
   * `<SCHEMA>_read`. Also names the Kafka consumer group, so replicas sharing a database share the work.
   */
  @Matches(/^[a-z][a-z0-9_]{0,40}$/, { message: 'SCHEMA must be a lower-case SQL identifier (max 41 chars)' })
  SCHEMA: string = 'invitations';

  /** Topic the customer directory is fed from. */
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  readSchema(): string {
    return `${this.SCHEMA}_read`;
  }
}
