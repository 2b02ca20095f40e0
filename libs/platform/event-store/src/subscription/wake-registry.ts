import type { PollingSubscription } from './polling-subscription';

/**
 * Subscriptions per event-store schema within this process, so an append through any store
 * instance on the same schema wakes them at once instead of after their poll interval (the relay
 * and projectors usually run in the process that appends). Other processes rely on polling.
 */
const bySchema = new Map<string, Set<PollingSubscription>>();

export const registerForWake = (key: string, subscription: PollingSubscription): (() => void) => {
  const set = bySchema.get(key) ?? new Set<PollingSubscription>();
  set.add(subscription);
  bySchema.set(key, set);
  return () => {
    set.delete(subscription);
    if (set.size === 0 && bySchema.get(key) === set) bySchema.delete(key);
  };
};

export const wakeAll = (key: string): void => {
  for (const subscription of bySchema.get(key) ?? []) subscription.wake();
};
