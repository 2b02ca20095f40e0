import { Logger, type INestApplication } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { KafkaInboxTransport, type KafkaInboxTransportOptions } from '@crm/messaging';
import type { PlatformConfig } from '../config/platform-config';
import { HealthRegistry } from '../observability/health-registry';
import { PG_POOL, PLATFORM_CONFIG, SERVICE_INFO, type ServiceInfo } from '../tokens';
import { InboxConsumerMetrics } from './inbox-consumer-metrics';
import { InboxConsumerRegistry } from './inbox-consumer-registry';

export interface InboxConsumerWiring extends Partial<
  Omit<KafkaInboxTransportOptions, 'name' | 'topics' | 'kafka' | 'pool'>
> {
  /** Inbox dedupe key, consumer group and dead-letter topic `crm.<name>.dlq`. */
  readonly name: string;
  readonly topics: readonly string[];
  /** Name of the /health check (default `consumer.<name>`). */
  readonly probe?: string;
}

/**
 * Connects Kafka topics to the app's `@EventPattern` handlers through the inbox transport
 * (architecture §5) and starts consuming: call it in main.ts (or a test) once the app is created.
 * Registers a health probe (`consumer.<name>` unless named), lag and dead-letter metrics. Nest closes the
 * transport when the app closes.
 */
export const connectInboxConsumer = async (
  app: INestApplication,
  wiring: InboxConsumerWiring,
): Promise<KafkaInboxTransport> => {
  const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  const service = app.get<ServiceInfo>(SERVICE_INFO);
  const metrics = app.get(InboxConsumerMetrics);
  const logger = new Logger(`consumer.${wiring.name}`);
  const { onEvent, probe, ...rest } = wiring;
  const transport = new KafkaInboxTransport({
    schema: service.schema,
    ...rest,
    kafka: new Kafka({ clientId: wiring.name, brokers: config.kafkaBrokers(), logLevel: logLevel.WARN }),
    pool: app.get<Pool>(PG_POOL),
    onEvent: (event) => {
      if (event.kind === 'dead-lettered') metrics.deadLettered(wiring.name, event.topic);
      if (event.kind === 'dead-lettered' || event.kind === 'retry')
        logger.warn({ consumer: wiring.name, ...event }, `message ${event.kind}`);
      onEvent?.(event);
    },
  });
  const microservice = app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  app.get(HealthRegistry).register(probe ?? `consumer.${wiring.name}`, () => transport.consumer.isAlive());
  // Only this consumer: startAllMicroservices() would start the ones connected earlier a second time.
  await microservice.listen();
  metrics.track(transport.consumer);
  app.get(InboxConsumerRegistry).add(transport.consumer);
  return transport;
};
