import { AdjustableClock, FixedClock } from '@crm/policy';
import type { PlatformConfig } from '../config/platform-config';
import type { TimerRunner } from '../timers/timer-runner';
import { CLOCK } from '../tokens';
import { TestClockController } from './test-clock.controller';
import { clockRegistration } from './test-clock.registration';

const clockProvided = (providers: unknown[]): unknown =>
  (providers as { provide: unknown; useValue: unknown }[]).find((p) => p.provide === CLOCK)?.useValue;

describe('clockRegistration', () => {
  it.each(['production', 'development'])(
    'registers no control and the clock as given under NODE_ENV=%s',
    (env) => {
      const base = new FixedClock('2026-12-07T00:00:00.000Z');
      const registration = clockRegistration(env, base);
      expect(registration.controllers).toEqual([]);
      expect(clockProvided(registration.providers)).toBe(base);
    },
  );

  it('registers /test/clock and a movable clock over the given one under NODE_ENV=test', () => {
    const base = new FixedClock('2026-12-07T00:00:00.000Z');
    const registration = clockRegistration('test', base);
    expect(registration.controllers).toEqual([TestClockController]);
    const clock = clockProvided(registration.providers);
    expect(clock).toBeInstanceOf(AdjustableClock);
    expect((clock as AdjustableClock).now().toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('TestClockController', () => {
  const runner = { pollNow: jest.fn() } as unknown as TimerRunner;

  it.each(['production', 'development'])('refuses to be built under NODE_ENV=%s', (env) => {
    const config = { NODE_ENV: env } as PlatformConfig;
    expect(() => new TestClockController(new AdjustableClock(), config, runner)).toThrow(
      'only available with NODE_ENV=test',
    );
  });

  it('moves the clock and wakes the timers under NODE_ENV=test', () => {
    const clock = new AdjustableClock(new FixedClock('2026-12-07T00:00:00.000Z'));
    const controller = new TestClockController(clock, { NODE_ENV: 'test' } as PlatformConfig, runner);
    expect(controller.set({ now: '2026-12-07T10:00:01.000Z' })).toEqual({
      now: '2026-12-07T10:00:01.000Z',
      offsetMs: 36_001_000,
    });
    expect(runner.pollNow).toHaveBeenCalledTimes(1);
    expect(controller.reset()).toEqual({ now: '2026-12-07T00:00:00.000Z', offsetMs: 0 });
  });
});
