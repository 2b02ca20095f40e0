import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { IdempotencyStore } from './idempotency-store';

const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets answered idempotency keys after the retention period (IDEMPOTENCY_RETENTION_HOURS), once
 * at boot and then hourly. A client repeating a request after that runs it again: the retention is
 * the promise made to clients about how late a retry may come.
 */
export class IdempotencyPurger implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('IdempotencyPurger');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: IdempotencyStore,
    private readonly retentionHours: number,
  ) {}

  async runOnce(): Promise<number> {
    // Wall time, not the service Clock: keys are stamped by the database's now(), not business time.
    const before = new Date(Date.now() - this.retentionHours * 3_600_000);
    const purged = await this.store.purge(before);
    if (purged > 0) this.logger.log({ purged, before: before.toISOString() }, 'idempotency keys purged');
    return purged;
  }

  onApplicationBootstrap(): void {
    const run = (): void => {
      this.runOnce().catch((err: unknown) => this.logger.warn({ err }, 'purging idempotency keys failed'));
    };
    run();
    this.timer = setInterval(run, PURGE_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
