import { addShanghaiMonths, dueWithin, lapseDeadline } from './lapse-clock';

describe('lapse clock (Asia/Shanghai calendar months)', () => {
  it('adds calendar months at the same Shanghai wall-clock time', () => {
    expect(lapseDeadline('2025-01-10T02:00:00.000Z', 3)).toBe('2025-04-10T02:00:00.000Z');
  });

  it('counts the day in Shanghai, not in UTC (23:30 UTC on 31 Jan is 1 Feb in Shanghai)', () => {
    expect(addShanghaiMonths('2025-01-31T23:30:00.000Z', 1)).toBe('2025-02-28T23:30:00.000Z');
  });

  it('clamps to the end of a shorter month', () => {
    expect(addShanghaiMonths('2024-11-30T04:00:00.000Z', 3)).toBe('2025-02-28T04:00:00.000Z');
  });

  it('says whether a deadline is within the watch window', () => {
    const now = new Date('2025-04-01T00:00:00.000Z');
    expect(dueWithin('2025-04-15T00:00:00.000Z', now, 14)).toBe(true);
    expect(dueWithin('2025-04-15T00:00:00.001Z', now, 14)).toBe(false);
  });
});
