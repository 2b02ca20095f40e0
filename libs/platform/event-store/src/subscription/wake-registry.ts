/** Anything a new append should nudge: a subscription, a relay, a projection runner. */
export interface Wakeable {
  wake(): void;
}

/**
 * Readers per event-store schema within this process, so an append through any store instance on
 * the same schema wakes them at once instead of after their poll interval (the relay and projectors
 * usually run in the process that appends). Other processes rely on polling.
 */
const bySchema = new Map<string, Set<Wakeable>>();

export const registerForWake = (key: string, reader: Wakeable): (() => void) => {
  const set = bySchema.get(key) ?? new Set<Wakeable>();
  set.add(reader);
  bySchema.set(key, set);
  return () => {
    set.delete(reader);
    if (set.size === 0 && bySchema.get(key) === set) bySchema.delete(key);
  };
};

export const wakeAll = (key: string): void => {
  for (const reader of bySchema.get(key) ?? []) reader.wake();
};
