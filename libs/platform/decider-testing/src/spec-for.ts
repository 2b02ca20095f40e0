import { DomainError, fold, type Decider } from '@crm/event-sourcing';

export type ExpectedRefusal = Partial<Pick<DomainError, 'kind' | 'code' | 'rule' | 'details'>>;

/**
 * Given/when/then for deciders (Emmett's DeciderSpecification, in Jest terms): a history in, a
 * command in, events or a refusal out. Pure and in memory: the same function the service runs.
 */
export const specFor = <C, E, S, X>(decider: Decider<C, E, S, X>) => ({
  given: (history: readonly E[]) => {
    const state = fold(decider.evolve, decider.initialState(), history);
    return {
      /** The state the history folds to, for assertions about evolve itself. */
      state,
      when: (command: C, context: X) => {
        const decide = (): readonly E[] => decider.decide(command, state, context);
        return {
          /** The decided events, for assertions the other forms cannot express. */
          events: decide,
          then: (expected: readonly E[]): void => {
            expect(decide()).toEqual(expected);
          },
          /** Every expected event (by its given fields) is among the decided ones. */
          thenIncludes: (expected: readonly Partial<E>[]): void => {
            expect(decide()).toEqual(expect.arrayContaining(expected.map((e) => expect.objectContaining(e))));
          },
          thenRefused: (expected: ExpectedRefusal): DomainError => {
            let caught: unknown;
            try {
              decide();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(DomainError);
            expect(caught).toMatchObject(expected);
            return caught as DomainError;
          },
        };
      },
    };
  },
});
