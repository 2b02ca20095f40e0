import { FixedClock, SystemClock } from './clock';

describe('FixedClock', () => {
  it('stays put until set or advanced', () => {
    const clock = new FixedClock('2025-05-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2025-05-01T00:00:00.000Z');
    expect(clock.advance(90_000).toISOString()).toBe('2025-05-01T00:01:30.000Z');
    clock.set(new Date('2026-01-01T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('hands out copies so callers cannot move it by mutating a Date', () => {
    const clock = new FixedClock('2025-05-01T00:00:00.000Z');
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2025-05-01T00:00:00.000Z');
  });

  it('refuses an invalid instant', () => {
    expect(() => new FixedClock('not a date')).toThrow(/invalid instant/);
  });
});

describe('SystemClock', () => {
  it('reads the system time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
