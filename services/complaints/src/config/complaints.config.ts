import { Matches } from 'class-validator';
import { ServiceConfig } from '@crm/nest';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { COMPLAINTS_TOPIC } from '@crm/complaints-contracts';

const TOPIC = /^[a-z0-9][a-z0-9._-]*$/;

/** Environment of the complaints service on top of the platform's (see .env.example). */
export class ComplaintsConfig extends ServiceConfig {
  override SCHEMA = 'complaints';

  /** Topic the customer directory is fed from. */
  @Matches(TOPIC, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  /** Topic this service publishes its contract events on. */
  @Matches(TOPIC, { message: 'COMPLAINTS_TOPIC must be a Kafka topic name' })
  COMPLAINTS_TOPIC: string = COMPLAINTS_TOPIC;
}
