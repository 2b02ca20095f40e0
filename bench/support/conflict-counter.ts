import { PostgresEventStore, WrongExpectedVersionError } from '@crm/event-store';

export interface ConflictCounter {
  /** Appends refused because the stream moved since it was loaded (each one is a re-decision). */
  conflicts(): number;
  /** Appends that went through. */
  appends(): number;
}

/**
 * Counts optimistic-concurrency conflicts on the service's own store instance by wrapping its
 * `appendWithin` (the path every unit of work and handleCommand use on PostgreSQL). Measurement
 * only: the call and its errors pass through unchanged.
 */
export const countConflicts = (store: unknown): ConflictCounter => {
  if (!(store instanceof PostgresEventStore)) throw new Error('expected the PostgreSQL event store');
  let conflicts = 0;
  let appends = 0;
  const original = store.appendWithin.bind(store);
  store.appendWithin = async (...args: Parameters<PostgresEventStore['appendWithin']>) => {
    try {
      const result = await original(...args);
      appends += 1;
      return result;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) conflicts += 1;
      throw error;
    }
  };
  return { conflicts: () => conflicts, appends: () => appends };
};
