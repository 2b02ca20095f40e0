import { comparePositions, type EventStore, type GlobalPosition, PostgresEventStore } from '@crm/event-store';
import type { EventRelay } from '@crm/messaging';
import type { ProjectionRunner } from '@crm/projections';
import type { HealthProbe, ProbeReport } from '../observability/health-registry';
import { lagReport, type ReadinessThresholds } from '../observability/readiness-thresholds';

const secondsSince = (at: Date | null | undefined, now = Date.now()): number =>
  at ? Math.max(0, (now - at.getTime()) / 1000) : 0;

/** Exact counts up to here (or just past the threshold when that is higher). */
const probeLimit = (thresholds: ReadinessThresholds): number => Math.max(1_000, thresholds.maxLagEvents + 1);

const errorText = (error: unknown): string | undefined =>
  error === undefined ? undefined : error instanceof Error ? error.message : String(error);

/** The relay: publishing (or standing by for another instance) and within the lag thresholds. */
export const relayProbe =
  (relay: EventRelay, thresholds: ReadinessThresholds): HealthProbe =>
  async (): Promise<ProbeReport> => {
    const role = relay.role();
    const failing = relay.failing();
    if (!relay.isAlive()) {
      return {
        up: false,
        reason: `relay ${relay.name} is ${role === 'stopped' || role === 'idle' ? role : 'failing'}`,
        details: { role, ...failing },
      };
    }
    // Another instance publishes; it reports the lag.
    if (role !== 'active') return { up: true, details: { role } };
    const lag = await relay.lag(probeLimit(thresholds));
    return lagReport(
      {
        events: lag.eventsBehind,
        capped: lag.capped,
        seconds: secondsSince(lag.oldestPendingAt),
      },
      thresholds,
      { role, ...(failing.consecutiveFailures > 0 ? failing : {}) },
    );
  };

/**
 * A projection: running, and caught up with the log once since start (until then its read model
 * answers with old data, so the service is not ready), then within the lag thresholds.
 */
export const projectionProbe = (
  runner: ProjectionRunner,
  store: EventStore,
  thresholds: ReadinessThresholds,
): HealthProbe => {
  let caughtUpSinceStart = false;
  // The log's head when first asked: reaching it counts as caught up even while new events keep
  // arriving (under steady traffic the lag may never be exactly zero at the moment of a check).
  let startHead: GlobalPosition | undefined;
  return async (): Promise<ProbeReport> => {
    if (!runner.isAlive()) {
      const error = errorText(runner.error());
      return {
        up: false,
        reason: `projection ${runner.name} is not running or keeps failing`,
        details: error !== undefined ? { lastError: error } : {},
      };
    }
    startHead ??= await store.headPosition();
    // Taken before the lag: the flag must not claim more progress than the figures show.
    const position = runner.position();
    const lag = await runner.lag(probeLimit(thresholds));
    caughtUpSinceStart ||= lag.events === 0 || comparePositions(position, startHead) >= 0;
    const report = lagReport({ events: lag.events, capped: lag.capped, seconds: lag.ms / 1000 }, thresholds, {
      caughtUpSinceStart,
    });
    if (caughtUpSinceStart) return report;
    return { up: false, reason: 'catching up with the event log after start', details: report.details ?? {} };
  };
};

/**
 * The event log itself: down when an open transaction that could append to it has held committed
 * events back for longer than HEALTH_LOG_STALL_SECONDS, naming it (pid, role, database, age) so an
 * operator can end it. Every relay and projection of the service waits behind it.
 */
export const eventLogProbe = (store: EventStore, thresholds: ReadinessThresholds): HealthProbe => {
  // Where the server hides a session's start from this role, its age is counted from first sight.
  const firstSeen = new Map<string, number>();
  return async (): Promise<ProbeReport> => {
    if (!(store instanceof PostgresEventStore)) return { up: true };
    const now = Date.now();
    const holders = (await store.horizonHolders(probeLimit(thresholds))).filter((h) => h.waitingEvents > 0);
    for (const xid of firstSeen.keys()) if (!holders.some((h) => h.xid === xid)) firstSeen.delete(xid);
    const aged = holders.map((h) => {
      if (h.ageSeconds !== null) return h;
      const seen = firstSeen.get(h.xid) ?? now;
      firstSeen.set(h.xid, seen);
      return { ...h, ageSeconds: Math.round((now - seen) / 100) / 10 };
    });
    const details = { heldBy: aged };
    const first = aged.find((h) => (h.ageSeconds ?? 0) > thresholds.logStallSeconds);
    if (first === undefined) return { up: true, details };
    return {
      up: false,
      reason:
        `event log stalled by transaction ${first.xid} (pid ${first.pid ?? '?'}, role ${first.role ?? '?'}, ` +
        `database ${first.database ?? '?'}, open ${first.ageSeconds} s) holding back ` +
        `${first.waitingEvents} committed events`,
      details,
    };
  };
};
