import { Matches } from 'class-validator';
import { ServiceConfig } from '@crm/nest';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { COMPLAINTS_TOPIC } from '@crm/complaints-contracts';
import { CREDIT_TOPIC } from '@crm/credit-contracts';

const TOPIC = /^[a-z0-9][a-z0-9._-]*$/;

/** Environment of the credit service on top of the platform's (see .env.example). */
export class CreditConfig extends ServiceConfig {
  override SCHEMA = 'credit';

  /** Topic the customer directory is fed from. */
  @Matches(TOPIC, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  /** Topic the relay publishes the credit contract events to. */
  @Matches(TOPIC, { message: 'CREDIT_TOPIC must be a Kafka topic name' })
  CREDIT_TOPIC: string = CREDIT_TOPIC;

  /** Topic complaint settlements (credit notes) come from. */
  @Matches(TOPIC, { message: 'COMPLAINTS_TOPIC must be a Kafka topic name' })
  COMPLAINTS_TOPIC: string = COMPLAINTS_TOPIC;
}
