import { deadlineTone, remaining } from './deadline';

describe('deadline display', () => {
  const due = '2026-12-08T10:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('is overdue at and after the deadline', () => {
    expect(deadlineTone(at('2026-12-08T10:00:00.000Z'), due)).toBe('overdue');
  });

  it('warns inside the window and is normal before it', () => {
    expect(deadlineTone(at('2026-12-08T09:00:00.000Z'), due, 2 * 3600_000)).toBe('warning');
    expect(deadlineTone(at('2026-12-08T07:00:00.000Z'), due, 2 * 3600_000)).toBe('normal');
  });

  it('counts down in days and h:m:s, never below zero', () => {
    expect(remaining(at('2026-12-07T08:58:59.000Z'), due)).toBe('1d 01:01:01');
    expect(remaining(at('2026-12-09T00:00:00.000Z'), due)).toBe('00:00:00');
  });
});
