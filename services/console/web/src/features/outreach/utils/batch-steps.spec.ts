import { nextAction } from './batch-steps';

const clerk = { canEnterBatches: true, canManageBatches: false };
const manager = { canEnterBatches: false, canManageBatches: true };

describe('the next step of an outreach batch', () => {
  it('lets the clerk enter and return, the manager allocate', () => {
    expect(nextAction('submitted', clerk)).toBe('enter');
    expect(nextAction('entered', clerk)).toBe('return');
    expect(nextAction('returned', manager)).toBe('allocate');
  });

  it('offers nothing out of turn or after the allocation', () => {
    expect(nextAction('submitted', manager)).toBeUndefined();
    expect(nextAction('returned', clerk)).toBeUndefined();
    expect(nextAction('allocated', { canEnterBatches: true, canManageBatches: true })).toBeUndefined();
  });
});
