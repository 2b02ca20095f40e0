import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Metrics } from '@crm/nest';
import type { InboxConsumer } from '@crm/messaging';

const LAG_INTERVAL_MS = 10_000;

/** Feeds /metrics with the directory consumer's lag and dead letters (architecture §8). */
@Injectable()
export class CustomerDirectoryMetrics implements OnModuleDestroy {
  private readonly logger = new Logger('CustomerDirectoryMetrics');
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly metrics: Metrics) {}

  track(consumer: InboxConsumer): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.measure(consumer), LAG_INTERVAL_MS);
    this.timer.unref();
  }

  deadLettered(consumer: string, topic: string): void {
    this.metrics.countDeadLetter(consumer, topic);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
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
