import { DomainError, fold, type Decider } from '@crm/event-sourcing';

/**
 * Given/when/then for deciders: history in, command in, events or a refusal out. Kept in the domain
 * lib's own test helpers; nothing here touches infrastructure.
 */
export const specFor = <C, E, S, X>(decider: Decider<C, E, S, X>) => ({
  given: (history: readonly E[]) => ({
    when: (command: C, context: X) => {
      const run = (): readonly E[] =>
        decider.decide(command, fold(decider.evolve, decider.initialState(), history), context);
      return {
        then: (expected: readonly E[]): void => {
          expect(run()).toEqual(expected);
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
          const refusal = caught as DomainError;
          expect(refusal).toMatchObject(expected);
          return refusal;
        },
      };
    },
  }),
});
