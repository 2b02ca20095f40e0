/**
 * What the replica needs to know about the service hosting it. Every service config that extends
 * `PlatformConfig` and declares `SCHEMA`, `CUSTOMERS_TOPIC` and `readSchema()` satisfies it.
 */
export interface CustomerDirectoryConfig {
  /** Schema of the host's inbox and dead letters; also names the consumer (group id, DLQ topic). */
  readonly SCHEMA: string;
  /** Topic the replica is fed from: the customers contract topic, or a private one in tests. */
  readonly CUSTOMERS_TOPIC: string;
  /** Schema of the host's read models; `customer_directory` lives there. */
  readSchema(): string;
  kafkaBrokers(): string[];
}

/** Injection token of the {@link CustomerDirectoryConfig} given to `CustomerDirectoryModule.forService`. */
export const CUSTOMER_DIRECTORY_CONFIG = Symbol('CUSTOMER_DIRECTORY_CONFIG');

/**
 * Inbox key, consumer group and DLQ name (`crm.<name>.dlq`). It follows the schema, so replicas of
 * one service sharing a database share one consumer group.
 */
export const customerDirectoryConsumerName = (config: Pick<CustomerDirectoryConfig, 'SCHEMA'>): string =>
  `${config.SCHEMA}.customer-directory`;
