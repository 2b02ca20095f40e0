import { Matches } from 'class-validator';
import { ServiceConfig } from '@crm/nest';
import { COMPLAINTS_TOPIC } from '@crm/complaints-contracts';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { INVITATIONS_TOPIC } from '@crm/invitations-contracts';

const TOPIC = /^[a-z0-9][a-z0-9._-]*$/;

/** Environment of the penalties service on top of the platform's (see .env.example). */
export class PenaltiesConfig extends ServiceConfig {
  override SCHEMA = 'penalties';

  /** Topic the staff replica (who held which post when) is fed from. */
  @Matches(TOPIC, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  /** Topics whose `FineIssued` events enter the ledger. */
  @Matches(TOPIC, { message: 'COMPLAINTS_TOPIC must be a Kafka topic name' })
  COMPLAINTS_TOPIC: string = COMPLAINTS_TOPIC;

  @Matches(TOPIC, { message: 'INVITATIONS_TOPIC must be a Kafka topic name' })
  INVITATIONS_TOPIC: string = INVITATIONS_TOPIC;
}
