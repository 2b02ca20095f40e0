import { Logger, type INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { HealthRegistry, PG_POOL } from '@crm/nest';
import { KafkaInboxTransport } from '@crm/messaging';
import {
  CUSTOMER_DIRECTORY_CONFIG,
  customerDirectoryConsumerName,
  type CustomerDirectoryConfig,
} from './customer-directory.config';
import { CustomerDirectoryMetrics } from './customer-directory.metrics';

export const CUSTOMER_DIRECTORY_PROBE = 'consumer.customer-directory';

/**
 * Connects the customers topic to the replica's `@EventPattern` handler through the inbox
 * transport and starts consuming; call it in main.ts once the app (which imports
 * `CustomerDirectoryModule.forService`) is created. Registers a health probe and the lag and
 * dead-letter metrics. Nest closes the transport when the app closes.
 */
export const startCustomerDirectoryConsumer = async (app: INestApplication): Promise<KafkaInboxTransport> => {
  const config = app.get<CustomerDirectoryConfig>(CUSTOMER_DIRECTORY_CONFIG);
  const logger = new Logger('CustomerDirectoryConsumer');
  const metrics = app.get(CustomerDirectoryMetrics);
  const name = customerDirectoryConsumerName(config);
  const transport = new KafkaInboxTransport({
    name,
    kafka: new Kafka({ clientId: name, brokers: config.kafkaBrokers(), logLevel: logLevel.WARN }),
    pool: app.get<Pool>(PG_POOL),
    schema: config.SCHEMA,
    topics: [config.CUSTOMERS_TOPIC],
    onEvent: (event) => {
      if (event.kind === 'dead-lettered') metrics.deadLettered(name, event.topic);
      if (event.kind === 'dead-lettered' || event.kind === 'retry')
        logger.warn({ consumer: name, ...event }, `message ${event.kind}`);
    },
  });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  app.get(HealthRegistry).register(CUSTOMER_DIRECTORY_PROBE, () => transport.consumer.isAlive());
  await app.startAllMicroservices();
  metrics.track(transport.consumer);
  return transport;
};
