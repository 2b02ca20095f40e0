import { AdjustableClock, FixedClock, SystemClock } from './clock';

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

describe('AdjustableClock', () => {
  it('reads the set instant and keeps ticking with its underlying clock', () => {
    const base = new FixedClock('2026-12-07T00:00:00.000Z');
    const clock = new AdjustableClock(base);
    expect(clock.now().toISOString()).toBe('2026-12-07T00:00:00.000Z');
    clock.set('2026-12-10T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-12-10T10:00:00.000Z');
    base.advance(1_500);
    expect(clock.now().toISOString()).toBe('2026-12-10T10:00:01.500Z');
    clock.reset();
    expect(clock.now().toISOString()).toBe('2026-12-07T00:00:01.500Z');
    expect(clock.offset).toBe(0);
  });

  it('tells its listeners each time it moves, and refuses an invalid instant', () => {
    const clock = new AdjustableClock(new FixedClock('2026-12-07T00:00:00.000Z'));
    const heard: string[] = [];
    const stop = clock.onMove((now) => heard.push(now.toISOString()));
    clock.set(new Date('2026-12-08T00:00:00.000Z'));
    clock.reset();
    stop();
    clock.set('2026-12-09T00:00:00.000Z');
    expect(heard).toEqual(['2026-12-08T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
    expect(() => clock.set('not a date')).toThrow('invalid instant');
  });
});
