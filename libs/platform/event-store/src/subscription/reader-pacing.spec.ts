import { ReaderPacing } from './reader-pacing';

describe('ReaderPacing', () => {
  afterEach(() => jest.useRealTimers());

  it('sleeps the poll interval when nothing woke it', () => {
    expect(new ReaderPacing(250).idleMs(0)).toBe(250);
  });

  it('after a wake-up, retries soon, backing off, until a read returns events', () => {
    const pacing = new ReaderPacing(60_000);
    pacing.woken();
    expect([0, 0, 0, 0, 0, 0, 0, 0].map(() => pacing.idleMs(0))).toEqual([
      20, 40, 80, 160, 320, 640, 1_000, 1_000,
    ]);
    expect(pacing.idleMs(3)).toBe(60_000);
    expect(pacing.idleMs(0)).toBe(60_000);
  });

  it('starts again from the shortest delay on the next wake-up', () => {
    const pacing = new ReaderPacing(60_000);
    pacing.woken();
    pacing.idleMs(0);
    pacing.idleMs(0);
    pacing.woken();
    expect(pacing.idleMs(0)).toBe(20);
  });

  it('gives up the quick retries 30 s after the wake-up', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const pacing = new ReaderPacing(60_000);
    pacing.woken();
    jest.setSystemTime(1_000_000 + 30_001);
    expect(pacing.idleMs(0)).toBe(60_000);
  });

  it('never sleeps longer than the poll interval', () => {
    const pacing = new ReaderPacing(5);
    pacing.woken();
    expect(pacing.idleMs(0)).toBe(5);
  });
});
