import type { INestApplication } from '@nestjs/common';
import { connectInboxConsumer } from '@crm/nest';
import type { KafkaInboxTransport } from '@crm/messaging';
import {
  CUSTOMER_DIRECTORY_CONFIG,
  customerDirectoryConsumerName,
  type CustomerDirectoryConfig,
} from './customer-directory.config';

export const CUSTOMER_DIRECTORY_PROBE = 'consumer.customer-directory';

/**
 * Connects the customers topic to the replica's `@EventPattern` handler through the inbox
 * transport and starts consuming; call it in main.ts once the app (which imports
 * `CustomerDirectoryModule.forService`) is created.
 */
export const startCustomerDirectoryConsumer = (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get<CustomerDirectoryConfig>(CUSTOMER_DIRECTORY_CONFIG);
  return connectInboxConsumer(app, {
    name: customerDirectoryConsumerName(config),
    schema: config.SCHEMA,
    topics: [config.CUSTOMERS_TOPIC],
    probe: CUSTOMER_DIRECTORY_PROBE,
  });
};
