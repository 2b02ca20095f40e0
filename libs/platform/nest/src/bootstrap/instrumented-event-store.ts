import type { EventStore } from '@crm/event-store';
import type { Metrics } from '../observability/metrics';

const TIMED = new Set<PropertyKey>(['append', 'appendWithin']);

/**
 * Observes `append_latency_seconds` around the store's appends. A Proxy rather than a wrapper class
 * so adapter-specific members (e.g. PostgresEventStore.appendWithin, `instanceof`) stay reachable.
 */
export const instrumentEventStore = <T extends EventStore>(store: T, metrics: Metrics): T =>
  new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (!TIMED.has(property) || typeof value !== 'function') return value;
      return async (...args: unknown[]): Promise<unknown> => {
        const started = process.hrtime.bigint();
        const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
        try {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          metrics.observeAppend(seconds(), 'ok');
          return result;
        } catch (error) {
          metrics.observeAppend(seconds(), 'error');
          throw error;
        }
      };
    },
  });
