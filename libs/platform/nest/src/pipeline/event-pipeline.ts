import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresCheckpointStore, type EventStore } from '@crm/event-store';
import type { ContractCatalog } from '@crm/contract-fields';
import { type ContractMapper, EventRelay } from '@crm/messaging';
import { type Projection, ProjectionRunner } from '@crm/projections';
import type { PlatformConfig } from '../config/platform-config';
import type { HealthRegistry } from '../observability/health-registry';
import type { Metrics } from '../observability/metrics';
import type { ServiceInfo } from '../tokens';

export interface EventPipelineOptions {
  /** Publishes the service's contract events; omit while the service publishes nothing. */
  readonly relay?: {
    readonly topic: string;
    readonly toContract: ContractMapper;
    /** The published contract; outgoing events are checked against it. */
    readonly contracts: ContractCatalog;
  };
  /** Written to the service's read schema (ServiceInfo.readSchema) with their checkpoints. */
  readonly projections?: readonly Projection[];
}

export interface EventPipelineDependencies {
  readonly service: ServiceInfo;
  readonly config: PlatformConfig;
  readonly store: EventStore;
  readonly pool: Pool;
  readonly dataSource: DataSource;
  readonly health: HealthRegistry;
  readonly metrics: Metrics;
}

/** How often relay and projection lag are measured for /metrics (each costs one bounded read). */
const LAG_INTERVAL_MS = 10_000;

/**
 * What runs behind a service's API (architecture §5, §6): the relay from its event store to its
 * topic and its projection runners. Started after boot, stopped before the pool closes, reported
 * by /health and /metrics.
 */
export class EventPipeline implements OnApplicationBootstrap, OnModuleDestroy {
  readonly relay: EventRelay | undefined;
  private readonly runners = new Map<string, ProjectionRunner>();
  private readonly logger: Logger;
  private lagTimer: NodeJS.Timeout | undefined;

  constructor(
    options: EventPipelineOptions,
    private readonly deps: EventPipelineDependencies,
  ) {
    const { service, config, store, pool, dataSource, health } = deps;
    this.logger = new Logger(`${service.serviceName}.pipeline`);
    if (options.relay !== undefined) {
      const relay = new EventRelay({
        name: `${service.schema}-relay`,
        store,
        checkpoints: new PostgresCheckpointStore(pool, service.schema),
        kafka: new Kafka({
          clientId: `${service.serviceName}-relay-${service.schema}`,
          brokers: config.kafkaBrokers(),
          logLevel: logLevel.WARN,
        }),
        topic: options.relay.topic,
        lockPool: pool,
        toContract: options.relay.toContract,
        contracts: options.relay.contracts,
        onEvent: (event) => {
          if (event.kind === 'error')
            this.logger.warn(
              { relay: relay.name, error: event.error, failures: event.consecutiveFailures },
              'relay batch failed',
            );
        },
      });
      this.relay = relay;
      health.register('relay', () => relay.isAlive());
    }
    for (const projection of options.projections ?? []) {
      const runner = new ProjectionRunner({
        dataSource,
        store,
        projection,
        schema: service.readSchema,
        onError: (err) => this.logger.warn({ err, projection: projection.name }, 'projection batch failed'),
      });
      this.runners.set(projection.name, runner);
      health.register(`projection.${projection.name}`, () => runner.isAlive());
    }
  }

  projection(name: string): ProjectionRunner {
    const runner = this.runners.get(name);
    if (runner === undefined) throw new Error(`no projection named ${name} in this service`);
    return runner;
  }

  /** Resolves once the relay and every projection have handled everything committed before the call. */
  async caughtUp(timeoutMs?: number): Promise<void> {
    await Promise.all([
      this.relay?.caughtUp(timeoutMs),
      ...[...this.runners.values()].map((runner) => runner.caughtUp(timeoutMs)),
    ]);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const runner of this.runners.values()) await runner.start();
    this.relay?.start();
    this.lagTimer = setInterval(() => void this.measureLag(), LAG_INTERVAL_MS);
    this.lagTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.lagTimer);
    await this.relay?.stop();
    for (const runner of this.runners.values()) await runner.stop();
    await this.deps.dataSource.destroy();
  }

  private async measureLag(): Promise<void> {
    const { metrics } = this.deps;
    try {
      if (this.relay?.role() === 'active') {
        metrics.setRelayLag(this.relay.name, (await this.relay.lag()).eventsBehind);
      }
      for (const runner of this.runners.values()) {
        metrics.setProjectionLag(runner.name, (await runner.lag()).events);
      }
    } catch (err) {
      this.logger.warn({ err }, 'measuring lag failed');
    }
  }
}
