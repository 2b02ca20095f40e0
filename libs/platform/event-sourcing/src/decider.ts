/** A domain event: plain readonly data with a stable, past-tense type name. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** A command: plain readonly data with a stable, imperative type name. */
export interface DomainCommand<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/**
 * The decider pattern (as in Emmett): pure functions, no I/O. `evolve` must be total (never
 * throws) so that any stored history can be replayed; `decide` throws a DomainError to refuse.
 */
export interface Decider<TCommand, TEvent, TState, TContext = unknown> {
  readonly initialState: () => TState;
  readonly decide: (command: TCommand, state: TState, context: TContext) => readonly TEvent[];
  readonly evolve: (state: TState, event: TEvent) => TState;
}

export const fold = <TEvent, TState>(
  evolve: (state: TState, event: TEvent) => TState,
  initial: TState,
  events: Iterable<TEvent>,
): TState => {
  let state = initial;
  for (const event of events) state = evolve(state, event);
  return state;
};
