import { fold } from '@crm/event-sourcing';
import type { EventStore, StoredEvent } from '../event-store.port';

export interface Loaded<S> {
  readonly state: S;
  /** Stream version to expect on the next append; -1 when the stream does not exist. */
  readonly version: number;
  readonly events: readonly StoredEvent[];
}

/**
 * Rebuilds an aggregate from its stream (up to `until` for an as-of view). Stored events are the
 * service's own, written by its own deciders, so their `type`/`data` pair is trusted as the domain
 * event shape; `evolve` is total and ignores types it does not know.
 */
export const loadStream = async <S, E>(
  store: EventStore,
  streamId: string,
  evolve: (state: S, event: E) => S,
  initial: S,
  options: { readonly until?: Date } = {},
): Promise<Loaded<S>> => {
  const events: StoredEvent[] = [];
  const reading = store.readStream(streamId, options.until !== undefined ? { until: options.until } : {});
  for await (const event of reading) events.push(event);
  const last = events[events.length - 1];
  const state = fold(
    evolve,
    initial,
    events.map((e) => ({ type: e.type, data: e.data }) as E),
  );
  return { state, version: last === undefined ? -1 : last.version, events };
};
