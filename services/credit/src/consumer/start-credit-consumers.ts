import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';
import { CUSTOMER_DIRECTORY_PROBE, customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { CreditConfig } from '../config/credit.config';

/**
 * One inbox consumer for both inbound topics (customers → directory replica, complaints → credit
 * notes); each `@EventPattern` handler picks its own event types. One, because
 * `connectInboxConsumer` restarts every connected transport, so a second call in the same app
 * fails with "consumer … already started" (platform note in notes/issue-5.md). It keeps the
 * replica's name and probe, so the directory's wiring and health stay as the replica defines them.
 */
export const startCreditConsumers = (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get(CreditConfig);
  return connectInboxConsumer(app, {
    name: customerDirectoryConsumerName(config),
    schema: config.SCHEMA,
    topics: [config.CUSTOMERS_TOPIC, config.COMPLAINTS_TOPIC],
    probe: CUSTOMER_DIRECTORY_PROBE,
  });
};
