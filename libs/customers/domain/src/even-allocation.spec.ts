import { allocateEvenly, countsPerParticipant } from './even-allocation';

const ids = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `c-${String(i + 1).padStart(2, '0')}`);

describe('allocateEvenly (ARC-04)', () => {
  it('30 records over 4 participants give 8/8/7/7', () => {
    const participants = ['e-a', 'e-b', 'e-c', 'e-d'];
    const allocations = allocateEvenly(ids(30), participants);
    expect(countsPerParticipant(allocations, participants)).toEqual({
      'e-a': 8,
      'e-b': 8,
      'e-c': 7,
      'e-d': 7,
    });
  });

  it('deals in entry order over the listed participants: the same inputs give the same hands', () => {
    const first = allocateEvenly(ids(5), ['e-b', 'e-a']);
    expect(first).toEqual([
      { position: 0, customerId: 'c-01', employeeId: 'e-b' },
      { position: 1, customerId: 'c-02', employeeId: 'e-a' },
      { position: 2, customerId: 'c-03', employeeId: 'e-b' },
      { position: 3, customerId: 'c-04', employeeId: 'e-a' },
      { position: 4, customerId: 'c-05', employeeId: 'e-b' },
    ]);
    expect(allocateEvenly(ids(5), ['e-b', 'e-a'])).toEqual(first);
  });

  it.each([
    [0, 3],
    [1, 3],
    [7, 3],
    [31, 5],
  ])('%i records over %i participants differ by at most one', (n, p) => {
    const participants = Array.from({ length: p }, (_, i) => `e-${i}`);
    const counts = Object.values(countsPerParticipant(allocateEvenly(ids(n), participants), participants));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
  });
});
