import { randomUUID } from 'node:crypto';
import {
  type CommandContext,
  type Decider,
  deterministicUuid,
  type DomainEvent,
  metadataFrom,
} from '@crm/event-sourcing';
import { WrongExpectedVersionError } from '../errors';
import type { EventStore, NewEvent, StoredEvent } from '../event-store.port';
import { loadStream } from './load-stream';

export interface HandleCommandOptions {
  /** Re-decisions after a concurrent append to the same stream (default 3); then the conflict surfaces. */
  readonly retries?: number;
  /**
   * Event ids derived from (stream, commandId, index) instead of random ones: for commands whose
   * commandId is stable across retries (timers, Kafka messages), so a second delivery appends
   * nothing new even if it raced the first.
   */
  readonly deterministicIds?: boolean;
}

export interface CommandResult<S, E> {
  /** The events this command produced (or, when it had already been handled, produced then). */
  readonly events: readonly E[];
  readonly state: S;
  /** Stream version to expect next; -1 when the stream still does not exist. */
  readonly version: number;
  /** True when the stream already held events of this commandId: nothing was decided or appended. */
  readonly alreadyHandled: boolean;
}

const toNewEvents = <E extends DomainEvent>(
  streamId: string,
  events: readonly E[],
  context: CommandContext,
  deterministicIds: boolean,
): NewEvent[] =>
  events.map((event, index) => ({
    id: deterministicIds
      ? deterministicUuid('event', streamId, context.commandId, String(index))
      : randomUUID(),
    type: event.type,
    data: event.data as Readonly<Record<string, unknown>>,
    metadata: metadataFrom(context),
  }));

/**
 * The usual command path on one stream (as Emmett's CommandHandler): load, decide, append with the
 * loaded version as the expectation. A concurrent append makes the append fail; the command is then
 * decided again on the new state, so the second of two racing commands gets the domain's answer
 * (e.g. a 409 naming who holds the customer), never a silent overwrite. A command whose commandId
 * is already in the stream is not decided again.
 */
export const handleCommand = async <C, E extends DomainEvent, S, X extends CommandContext>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S, X>,
  command: C,
  context: X,
  options: HandleCommandOptions = {},
): Promise<CommandResult<S, E>> => {
  const retries = options.retries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadStream(store, streamId, decider.evolve, decider.initialState());
    const earlier = loaded.events.filter((e: StoredEvent) => e.metadata.commandId === context.commandId);
    if (earlier.length > 0) {
      return {
        events: earlier.map((e) => ({ type: e.type, data: e.data }) as unknown as E),
        state: loaded.state,
        version: loaded.version,
        alreadyHandled: true,
      };
    }
    const events = decider.decide(command, loaded.state, context);
    if (events.length === 0) {
      return { events, state: loaded.state, version: loaded.version, alreadyHandled: false };
    }
    try {
      const appended = await store.append(
        streamId,
        toNewEvents(streamId, events, context, options.deterministicIds === true),
        loaded.version < 0 ? 'no_stream' : loaded.version,
      );
      return {
        events,
        state: events.reduce(decider.evolve, loaded.state),
        version: appended.nextExpectedVersion,
        alreadyHandled: false,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= retries) throw error;
    }
  }
};
