import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import {
  type CommandContext,
  type Decider,
  deterministicUuid,
  type DomainEvent,
  metadataFrom,
} from '@crm/event-sourcing';
import { WrongExpectedVersionError } from '../errors';
import type { EventStore, NewEvent, StoredEvent } from '../event-store.port';
import { runUnitOfWork, type UnitContext } from '../unit-of-work';
import { loadStream } from './load-stream';

/** What the command decided, handed to the work that commits with it. */
export interface Decided<S, E> {
  readonly events: readonly E[];
  /** The state before the command. */
  readonly before: S;
  /** The state after the events. */
  readonly state: S;
}

export interface HandleCommandOptions<S = unknown, E = unknown, R = void> {
  /**
   * Re-decisions after a concurrent append to the same stream (default 3), each after a short
   * random pause so racing writers spread out; then the conflict surfaces.
   */
  readonly retries?: number;
  /**
   * Event ids derived from (stream, commandId, index) instead of random ones: for commands whose
   * commandId is stable across retries (timers, Kafka messages, Idempotency-Key requests), so a
   * second delivery appends nothing new even if it raced the first.
   */
  readonly deterministicIds?: boolean;
  /**
   * What must commit with the events (timers, counters, other streams, the linked case): runs in
   * the append's transaction right after the append; when it fails the append is undone, and when
   * it meets a concurrent append the whole command is decided again. Not run when the command
   * decided nothing or had already been handled.
   */
  readonly effects?: (decided: Decided<S, E>, unit: UnitContext) => Promise<R>;
  /** The rows' connection for `effects` when the store has no transactions (not PostgreSQL). */
  readonly pool?: Pool;
}

export interface CommandResult<S, E, R = void> {
  /** The events this command produced (or, when it had already been handled, produced then). */
  readonly events: readonly E[];
  readonly state: S;
  /** Stream version to expect next; -1 when the stream still does not exist. */
  readonly version: number;
  /** True when the stream already held events of this commandId: nothing was decided or appended. */
  readonly alreadyHandled: boolean;
  /** What `effects` returned; undefined when they did not run. */
  readonly effects?: R;
}

export const toNewEvents = <E extends DomainEvent>(
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

const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 3)));

/**
 * The one command path (as Emmett's CommandHandler): load, decide, then append with the loaded
 * version as the expectation and run `effects`, all in one unit of work, so a command joins the
 * request's shared transaction when there is one (Idempotency-Key) and its side work commits with
 * it. A concurrent append makes the append fail; the command is then decided again on the new
 * state, so the second of two racing commands gets the domain's answer (e.g. a 409 naming who
 * holds the customer), never a silent overwrite. A command whose commandId is already in the
 * stream is not decided again.
 */
export const handleCommand = async <C, E extends DomainEvent, S, X extends CommandContext, R = void>(
  store: EventStore,
  streamId: string,
  decider: Decider<C, E, S, X>,
  command: C,
  context: X,
  options: HandleCommandOptions<S, E, R> = {},
): Promise<CommandResult<S, E, R>> => {
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
    const state = events.reduce(decider.evolve, loaded.state);
    try {
      return await runUnitOfWork(store, options.pool, async (unit) => {
        const appended = await unit.append(
          streamId,
          toNewEvents(streamId, events, context, options.deterministicIds === true),
          loaded.version < 0 ? 'no_stream' : loaded.version,
        );
        const base = { events, state, version: appended.nextExpectedVersion, alreadyHandled: false };
        if (options.effects === undefined) return base;
        return { ...base, effects: await options.effects({ events, before: loaded.state, state }, unit) };
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= retries) throw error;
      await pause(attempt);
    }
  }
};
