import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresCheckpointStore, type EventStore } from '@crm/event-store';
import { EventRelay } from '@crm/messaging';
import { ProjectionRunner } from '@crm/projections';
import { EVENT_STORE, HealthRegistry, Metrics, PG_POOL } from '@crm/nest';
import { CustomersConfig } from './config/customers.config';
import { customerListProjection } from './projections/customer-list.projection';
import { toCustomersContract } from './relay/customers-contract.mapper';

export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');

/** How often relay and projection lag are measured for /metrics (each costs one bounded read). */
const LAG_INTERVAL_MS = 10_000;

/**
 * What runs behind the HTTP API: the relay (event store → customers topic) and the list
 * projection. Both are started after boot, stopped before the pool closes, and reported by /health.
 */
@Injectable()
export class CustomersBackground implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CustomersBackground');
  readonly relay: EventRelay;
  readonly customerList: ProjectionRunner;
  private lagTimer: NodeJS.Timeout | undefined;

  constructor(
    config: CustomersConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(PG_POOL) pool: Pool,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly dataSource: DataSource,
    health: HealthRegistry,
    private readonly metrics: Metrics,
  ) {
    const kafka = new Kafka({
      clientId: `customers-relay-${config.SCHEMA}`,
      brokers: config.kafkaBrokers(),
      logLevel: logLevel.WARN,
    });
    this.relay = new EventRelay({
      name: `${config.SCHEMA}-relay`,
      store,
      checkpoints: new PostgresCheckpointStore(pool, config.SCHEMA),
      kafka,
      topic: config.CUSTOMERS_TOPIC,
      lockPool: pool,
      toContract: toCustomersContract,
      onEvent: (event) => {
        if (event.kind === 'error')
          this.logger.warn(
            { relay: 'customers', error: event.error, failures: event.consecutiveFailures },
            'relay batch failed',
          );
      },
    });
    this.customerList = new ProjectionRunner({
      dataSource,
      store,
      projection: customerListProjection,
      schema: config.readSchema(),
      onError: (err) =>
        this.logger.warn({ err, projection: customerListProjection.name }, 'projection batch failed'),
    });
    health.register('relay', () => this.relay.isAlive());
    health.register(`projection.${customerListProjection.name}`, () => this.customerList.isAlive());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.customerList.start();
    this.relay.start();
    this.lagTimer = setInterval(() => void this.measureLag(), LAG_INTERVAL_MS);
    this.lagTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.lagTimer);
    await this.relay.stop();
    await this.customerList.stop();
    await this.dataSource.destroy();
  }

  private async measureLag(): Promise<void> {
    try {
      if (this.relay.role() === 'active')
        this.metrics.setRelayLag(this.relay.name, (await this.relay.lag()).eventsBehind);
      this.metrics.setProjectionLag(this.customerList.name, (await this.customerList.lag()).events);
    } catch (err) {
      this.logger.warn({ err }, 'measuring lag failed');
    }
  }
}
