import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { InboxConsumer } from '@crm/messaging';
import { Metrics } from '../observability/metrics';

const LAG_INTERVAL_MS = 10_000;

/** Feeds /metrics with each inbox consumer's lag and dead letters (architecture §8). */
@Injectable()
export class InboxConsumerMetrics implements OnModuleDestroy {
  private readonly logger = new Logger('InboxConsumerMetrics');
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly metrics: Metrics) {}

  track(consumer: InboxConsumer): void {
    clearInterval(this.timers.get(consumer.name));
    const timer = setInterval(() => void this.measure(consumer), LAG_INTERVAL_MS);
    timer.unref();
    this.timers.set(consumer.name, timer);
  }

  deadLettered(consumer: string, topic: string): void {
    this.metrics.countDeadLetter(consumer, topic);
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
  }

  private async measure(consumer: InboxConsumer): Promise<void> {
    if (!consumer.isAlive()) return;
    try {
      for (const p of (await consumer.lag()).partitions) {
        this.metrics.setConsumerLag(consumer.name, p.topic, p.partition, p.lag);
      }
    } catch (err) {
      this.logger.warn({ err, consumer: consumer.name }, 'measuring consumer lag failed');
    }
  }
}
