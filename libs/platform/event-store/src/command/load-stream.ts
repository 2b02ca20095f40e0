import type { EventStore, StoredEvent } from '@crm/event-store';
import { fold } from '@crm/event-sourcing';

export interface Loaded<S> {
  readonly state: S;
  /** Stream version to expect on the next append; -1 when the stream does not exist. */
  readonly version: number;
}

/**
 * Rebuilds an aggregate from its stream. Stored events are this service's own, written by its own
 * deciders, so their `type`/`data` pair is trusted as the domain event shape; `evolve` is total and
 * ignores types it does not know.
 */
export const loadStream = async <S, E>(
  store: EventStore,
  streamId: string,
  evolve: (state: S, event: E) => S,
  initial: S,
): Promise<Loaded<S>> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  const last = events[events.length - 1];
  const state = fold(
    evolve,
    initial,
    events.map((e) => ({ type: e.type, data: e.data }) as E),
  );
  return { state, version: last === undefined ? -1 : last.version };
};
