import type { InboxConsumer } from '@crm/messaging';
import type { HealthProbe, ProbeReport } from '../observability/health-registry';
import { lagReport, type ReadinessThresholds } from '../observability/readiness-thresholds';

/**
 * An inbox consumer: running, not crashed within HEALTH_CRASH_WINDOW_SECONDS (kafkajs restarts a
 * crashed consumer, so a crash loop otherwise looks alive), not waiting out a dependency, and
 * within the lag thresholds. Lag in seconds is the age of the last message it finished while more
 * wait (since its start when it finished none): how far behind the producers it is.
 */
export const consumerProbe =
  (consumer: InboxConsumer, thresholds: ReadinessThresholds): HealthProbe =>
  async (): Promise<ProbeReport> => {
    const health = consumer.health();
    const progress = consumer.progress();
    const crashes = progress.crashes;
    const crashDetails = crashes.count > 0 ? { crashes } : {};
    if (health.status === 'down') {
      return {
        up: false,
        reason: `consumer ${consumer.name} is not running`,
        details: { ...health, ...crashDetails },
      };
    }
    const now = Date.now();
    if (crashes.lastAt && now - crashes.lastAt.getTime() < thresholds.crashWindowSeconds * 1000) {
      return {
        up: false,
        reason: `consumer ${consumer.name} crashed ${crashes.count} times, last ${Math.round((now - crashes.lastAt.getTime()) / 1000)} s ago: ${crashes.lastError ?? 'unknown error'}`,
        details: crashDetails,
      };
    }
    if (health.status === 'degraded') {
      return {
        up: false,
        reason: `consumer ${consumer.name} is waiting for an unavailable dependency: ${health.lastError ?? ''}`,
        details: { ...health },
      };
    }
    const lag = await consumer.lag();
    const since = progress.lastMessageTimestamp ?? progress.startedAt;
    const seconds = lag.total > 0 && since ? Math.max(0, (now - since.getTime()) / 1000) : 0;
    return lagReport({ events: lag.total, capped: false, seconds }, thresholds, crashDetails);
  };
