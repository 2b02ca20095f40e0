import { DomainError, fold, type Decider } from '@crm/event-sourcing';

/** Given a history, when a command, then these events (or this refusal). In-memory only. */
export const specFor = <C, E, S, X>(decider: Decider<C, E, S, X>) => ({
  given: (history: readonly E[]) => ({
    when: (command: C, context: X) => {
      const run = (): readonly E[] =>
        decider.decide(command, fold(decider.evolve, decider.initialState(), history), context);
      return {
        events: run,
        then: (expected: readonly E[]): void => {
          expect(run()).toEqual(expected);
        },
        thenIncludes: (expected: readonly Partial<E>[]): void => {
          expect(run()).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
        },
        thenRefused: (
          expected: Partial<Pick<DomainError, 'kind' | 'code' | 'rule' | 'details'>>,
        ): DomainError => {
          let caught: unknown;
          try {
            run();
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect(caught).toMatchObject(expected);
          return caught as DomainError;
        },
      };
    },
  }),
});
