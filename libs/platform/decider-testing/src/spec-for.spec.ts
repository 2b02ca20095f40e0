import { DomainError, type Decider } from '@crm/event-sourcing';
import { specFor } from './spec-for';

type Counted = { readonly type: 'Counted'; readonly by: number };
type Count = { readonly type: 'Count'; readonly by: number };
type Tally = { readonly total: number };

const counter: Decider<Count, Counted, Tally, { readonly max: number }> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: state.total + event.by }),
  decide: (command, state, { max }) => {
    if (state.total + command.by > max) {
      throw new DomainError('rule', 'counter.over_max', `total would exceed ${max}`, 'T-1');
    }
    return [{ type: 'Counted', by: command.by }];
  },
};

describe('specFor', () => {
  const spec = specFor(counter);
  const history: Counted[] = [{ type: 'Counted', by: 2 }];

  it('folds the history and checks the decided events', () => {
    expect(spec.given(history).state).toEqual({ total: 2 });
    spec
      .given(history)
      .when({ type: 'Count', by: 1 }, { max: 3 })
      .then([{ type: 'Counted', by: 1 }]);
    spec
      .given(history)
      .when({ type: 'Count', by: 1 }, { max: 3 })
      .thenIncludes([{ by: 1 }]);
  });

  it('checks a refusal and fails when the decider accepts instead', () => {
    spec.given(history).when({ type: 'Count', by: 2 }, { max: 3 }).thenRefused({ kind: 'rule', rule: 'T-1' });
    expect(() =>
      spec.given([]).when({ type: 'Count', by: 2 }, { max: 3 }).thenRefused({ kind: 'rule' }),
    ).toThrow();
  });

  it('fails when the events differ', () => {
    expect(() => spec.given([]).when({ type: 'Count', by: 1 }, { max: 3 }).then([])).toThrow();
  });
});
