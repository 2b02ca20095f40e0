import { DomainError, fold, type Decider } from '@crm/event-sourcing';

type Refusal = Partial<Pick<DomainError, 'kind' | 'code' | 'rule' | 'details'>>;

/** given(history) → when(command, context) → then(events) | thenRefused(error): in memory only. */
export const specFor = <C, E, S, X>(decider: Decider<C, E, S, X>) => ({
  given: (history: readonly E[]) => {
    const state = fold(decider.evolve, decider.initialState(), history);
    return {
      state,
      when: (command: C, context: X) => {
        const decide = (): readonly E[] => decider.decide(command, state, context);
        return {
          events: decide,
          then: (expected: readonly E[]): void => expect(decide()).toEqual(expected),
          thenRefused: (expected: Refusal): DomainError => {
            const outcome = (() => {
              try {
                return decide();
              } catch (error) {
                return error;
              }
            })();
            expect(outcome).toBeInstanceOf(DomainError);
            expect(outcome).toMatchObject(expected);
            return outcome as DomainError;
          },
        };
      },
    };
  },
});
