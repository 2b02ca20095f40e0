import { redistributionDecider, type DrawRedistribution } from './redistribution';
import { seededDraw } from './reassignment-choice';
import { specFor } from '@crm/decider-testing';
import { policyContext } from './testing/fixtures';

const spec = specFor(redistributionDecider);
const draw = (drawnFrom: string[]): DrawRedistribution => ({
  type: 'DrawRedistribution',
  data: {
    redistributionId: 'r-1',
    employeeId: 'e-1',
    bu: 'bu-1',
    absence: 'EmployeeLongLeaveStarted',
    seed: 'seed-1',
    customers: ['c-3', 'c-1', 'c-2'],
    drawnFrom,
  },
});

describe('redistribution (ARC-72)', () => {
  it('records the seeded draw with its inputs, so a replay reproduces it', () => {
    const [event] = redistributionDecider.decide(draw(['e-3', 'e-2']), { status: 'none' }, policyContext());
    expect(event?.data).toMatchObject({
      seed: 'seed-1',
      customers: ['c-1', 'c-2', 'c-3'],
      drawnFrom: ['e-2', 'e-3'],
      undrawn: [],
      policyVersion: 'v1',
    });
    expect(event?.data.assignments).toEqual(seededDraw('seed-1', ['c-1', 'c-2', 'c-3'], ['e-2', 'e-3']));
  });

  it('draws once', () => {
    const first = redistributionDecider.decide(draw(['e-2']), { status: 'none' }, policyContext());
    spec
      .given(first)
      .when(draw(['e-2']), policyContext())
      .then([]);
  });

  it('leaves the customers undrawn when nobody in the BU is active', () => {
    const [event] = redistributionDecider.decide(draw([]), { status: 'none' }, policyContext());
    expect(event?.data).toMatchObject({ assignments: [], undrawn: ['c-1', 'c-2', 'c-3'] });
  });
});
