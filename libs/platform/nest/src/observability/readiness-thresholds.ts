import type { PlatformConfig } from '../config/platform-config';
import type { ProbeReport } from './health-registry';

/** When background work counts as too far behind (HEALTH_* variables, docs/platform.md). */
export interface ReadinessThresholds {
  readonly maxLagEvents: number;
  readonly maxLagSeconds: number;
  readonly logStallSeconds: number;
  readonly crashWindowSeconds: number;
}

export const readinessThresholds = (config: PlatformConfig): ReadinessThresholds => ({
  maxLagEvents: config.HEALTH_MAX_LAG_EVENTS,
  maxLagSeconds: config.HEALTH_MAX_LAG_SECONDS,
  logStallSeconds: config.HEALTH_LOG_STALL_SECONDS,
  crashWindowSeconds: config.HEALTH_CRASH_WINDOW_SECONDS,
});

export interface Lag {
  readonly events: number;
  /** True when `events` hit the probe limit (there are more). */
  readonly capped: boolean;
  readonly seconds: number;
}

/** Up while the lag stays within both thresholds; the figures are reported either way. */
export const lagReport = (
  lag: Lag,
  thresholds: ReadinessThresholds,
  details: Readonly<Record<string, unknown>> = {},
): ProbeReport => {
  const seconds = Math.round(lag.seconds * 10) / 10;
  const figures = {
    ...details,
    lagEvents: lag.events,
    ...(lag.capped ? { lagEventsAtLeast: true } : {}),
    lagSeconds: seconds,
  };
  const tooMany = lag.events > thresholds.maxLagEvents;
  const tooOld = seconds > thresholds.maxLagSeconds;
  if (!tooMany && !tooOld) return { up: true, details: figures };
  return {
    up: false,
    reason:
      `behind by ${lag.capped ? 'more than ' : ''}${lag.events} events / ${seconds} s ` +
      `(limits ${thresholds.maxLagEvents} events, ${thresholds.maxLagSeconds} s)`,
    details: figures,
  };
};
