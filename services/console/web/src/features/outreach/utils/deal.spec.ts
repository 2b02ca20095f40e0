import { dealLabel, holderByCustomer } from './deal';

const allocation = {
  method: 'round_robin_in_entry_order',
  counts: [
    { employeeId: 'e-a', records: 8 },
    { employeeId: 'e-b', records: 8 },
    { employeeId: 'e-c', records: 7 },
    { employeeId: 'e-d', records: 7 },
  ],
  assignments: [
    { position: 0, customerId: 'c-0', employeeId: 'e-a' },
    { position: 1, customerId: 'c-1', employeeId: 'e-b' },
  ],
};

describe('the recorded deal of a batch', () => {
  it('reads as the per-participant counts in the recorded order', () => {
    expect(dealLabel(allocation)).toBe('8/8/7/7');
  });

  it('tells who got each new customer, and nobody for a duplicate', () => {
    const holders = holderByCustomer(allocation);
    expect(holders.get('c-1')).toBe('e-b');
    expect(holders.get('c-old')).toBeUndefined();
    expect(holderByCustomer(undefined).size).toBe(0);
  });
});
