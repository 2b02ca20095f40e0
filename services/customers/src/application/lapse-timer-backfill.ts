import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@crm/nest';
import { qualifiedName } from '@crm/postgres';
import { CustomersConfig } from '../config/customers.config';
import { CUSTOMER_LIST_TABLE } from '../projections/customer-list.projection';
import { LapseTimers } from './lapse-timers';

const BACKFILL_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Makes sure every customer that can still lapse has its timer: customers registered before lapse
 * timers existed, and any whose timer was lost between a command's append and its scheduling (an
 * HTTP command whose process died in between). Runs at start and then hourly, so such a gap lasts
 * at most an hour against a three-month period. Idempotent by timer id; a timer for an outdated
 * period is harmless, because the lapse decision recomputes the deadline from the stream.
 */
@Injectable()
export class LapseTimerBackfill implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LapseTimerBackfill');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly config: CustomersConfig,
    private readonly lapse: LapseTimers,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: a large backlog must not hold up the service's start.
    const pass = (): void => {
      this.run().catch((err: unknown) => this.logger.warn({ err }, 'lapse timer backfill failed'));
    };
    pass();
    this.timer = setInterval(pass, BACKFILL_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
  }

  async run(): Promise<number> {
    const { rows } = await this.pool.query<{ customer_id: string; last_service_at: Date }>(
      `SELECT customer_id, last_service_at FROM ${qualifiedName(this.config.readSchema(), CUSTOMER_LIST_TABLE)}
        WHERE NOT lapsed AND NOT forgotten`,
    );
    for (const row of rows) {
      await this.lapse.ensure(row.customer_id, row.last_service_at.toISOString());
    }
    return rows.length;
  }
}
