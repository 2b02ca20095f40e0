import { Matches } from 'class-validator';
import { ServiceConfig } from '@crm/nest';
import { CREDIT_TOPIC } from '@crm/credit-contracts';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { INVITATIONS_TOPIC } from '@crm/invitations-contracts';

const TOPIC = /^[a-z0-9][a-z0-9._-]*$/;

/** Environment of the invitations service on top of the platform's (see .env.example). */
export class InvitationsConfig extends ServiceConfig {
  override SCHEMA = 'invitations';

  /** Topic the customer directory and the eligibility read model are fed from. */
  @Matches(TOPIC, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  /** Topic the credit blocked flags are fed from (domain §6: warning before inviting). */
  @Matches(TOPIC, { message: 'CREDIT_TOPIC must be a Kafka topic name' })
  CREDIT_TOPIC: string = CREDIT_TOPIC;

  /** Topic the relay publishes the invitations contract events to. */
  @Matches(TOPIC, { message: 'INVITATIONS_TOPIC must be a Kafka topic name' })
  INVITATIONS_TOPIC: string = INVITATIONS_TOPIC;
}
