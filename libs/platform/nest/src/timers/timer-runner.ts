import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type DurableTimers, TimerPoller } from '@crm/policy';
import type { HealthRegistry } from '../observability/health-registry';
import type { TimerHandlers } from './timer-handlers';

/** Fires the service's due timers while the application runs (at-least-once; handlers are idempotent by timer id). */
export class TimerRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TimerRunner');
  private readonly poller: TimerPoller;

  constructor(timers: DurableTimers, handlers: TimerHandlers, health: HealthRegistry, intervalMs?: number) {
    this.poller = new TimerPoller({
      timers,
      handler: handlers.dispatch,
      ...(intervalMs !== undefined ? { intervalMs } : {}),
      onError: (err) => this.logger.warn({ err }, 'timer pass failed'),
    });
    health.register('timers', () => this.poller.isAlive());
  }

  /** Looks for due timers now (the test clock moved past some). */
  pollNow(): void {
    this.poller.pollNow();
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
  }
}
