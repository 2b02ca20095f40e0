import { type DynamicModule, Module } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore } from '@crm/event-store';
import type { PlatformConfig } from '../config/platform-config';
import { HealthRegistry } from '../observability/health-registry';
import { Metrics } from '../observability/metrics';
import { EVENT_STORE, PG_POOL, PLATFORM_CONFIG, SERVICE_INFO, type ServiceInfo } from '../tokens';
import { EventPipeline, type EventPipelineOptions } from './event-pipeline';
import { createReadModelDataSource } from './read-model-data-source';

export const READ_MODEL_DATA_SOURCE = Symbol('READ_MODEL_DATA_SOURCE');

/**
 * A service's relay and projections, next to `PlatformModule.forService` (whose pool, store,
 * health and metrics it uses). Inject `EventPipeline` to reach a projection runner or wait for it.
 */
@Module({})
export class EventPipelineModule {
  static forService(options: EventPipelineOptions): DynamicModule {
    return {
      module: EventPipelineModule,
      providers: [
        {
          provide: READ_MODEL_DATA_SOURCE,
          // PG_POOL only for order: it resolves once PostgreSQL answers (start-up waits for it).
          inject: [SERVICE_INFO, PLATFORM_CONFIG, PG_POOL],
          useFactory: (service: ServiceInfo, config: PlatformConfig): Promise<DataSource> =>
            createReadModelDataSource(
              config.DATABASE_URL,
              `${service.serviceName}-projections`,
              config.PG_IDLE_IN_TRANSACTION_TIMEOUT_MS,
              config.DB_PROJECTION_POOL_MAX,
            ),
        },
        {
          provide: EventPipeline,
          inject: [
            SERVICE_INFO,
            PLATFORM_CONFIG,
            EVENT_STORE,
            PG_POOL,
            READ_MODEL_DATA_SOURCE,
            HealthRegistry,
            Metrics,
          ],
          useFactory: (
            service: ServiceInfo,
            config: PlatformConfig,
            store: EventStore,
            pool: Pool,
            dataSource: DataSource,
            health: HealthRegistry,
            metrics: Metrics,
          ) => new EventPipeline(options, { service, config, store, pool, dataSource, health, metrics }),
        },
      ],
      exports: [EventPipeline, READ_MODEL_DATA_SOURCE],
    };
  }
}
