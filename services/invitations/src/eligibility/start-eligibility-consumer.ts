import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer, HealthRegistry } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';
import { CUSTOMER_DIRECTORY_PROBE, customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { InvitationsConfig } from '../config/invitations.config';

export const ELIGIBILITY_PROBE = 'consumer.eligibility';

/**
 * One inbox consumer reads the customers topic for both local models: the customers team's
 * directory replica and this service's eligibility read model. Nest hands every `@EventPattern`
 * handler to every transport, so both handlers run in the same inbox transaction: one inbox entry
 * and one offset per customers event for both models (a second consumer on the same topic would
 * only run both handlers twice). It keeps the replica's consumer name and probe. The credit topic
 * has a consumer of its own (`../credit/start-credit-consumer.ts`).
 */
export const eligibilityConsumerName = (config: Pick<InvitationsConfig, 'SCHEMA'>): string =>
  customerDirectoryConsumerName(config);

export const startCustomersTopicConsumer = async (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get(InvitationsConfig);
  const transport = await connectInboxConsumer(app, {
    name: eligibilityConsumerName(config),
    topics: [config.CUSTOMERS_TOPIC],
    probe: CUSTOMER_DIRECTORY_PROBE,
  });
  app.get(HealthRegistry).register(ELIGIBILITY_PROBE, () => transport.consumer.isAlive());
  return transport;
};
