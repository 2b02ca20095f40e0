import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { EventStore } from '@crm/event-store';
import type { Pool } from 'pg';
import { KafkaProbe } from '../observability/infrastructure-probes';
import { EVENT_STORE, PG_POOL } from '../tokens';

/**
 * Releases shared connections last: onApplicationShutdown runs after every module's
 * onModuleDestroy, so services' subscriptions and consumers have stopped using the pool by then.
 */
@Injectable()
export class PlatformLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('PlatformLifecycle');
  private closed = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly kafkaProbe: KafkaProbe,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.store
      .close()
      .catch((err: unknown) => this.logger.error({ err }, 'closing the event store failed'));
    await this.kafkaProbe.close();
    await this.pool
      .end()
      .catch((err: unknown) => this.logger.error({ err }, 'closing the PostgreSQL pool failed'));
  }
}
