import { ReaderPacing } from './reader-pacing';

describe('ReaderPacing', () => {
  afterEach(() => jest.useRealTimers());

  it('sleeps the poll interval when nothing woke it', () => {
    expect(new ReaderPacing(250).idleMs(0)).toBe(250);
  });

  it('after a wake-up, retries quickly until a read returns events', () => {
    const pacing = new ReaderPacing(250);
    pacing.woken();
    expect(pacing.idleMs(0)).toBe(20);
    expect(pacing.idleMs(0)).toBe(20);
    expect(pacing.idleMs(3)).toBe(250);
    expect(pacing.idleMs(0)).toBe(250);
  });

  it('gives up the quick retries 5 s after the wake-up', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const pacing = new ReaderPacing(250);
    pacing.woken();
    jest.setSystemTime(1_000_000 + 5_001);
    expect(pacing.idleMs(0)).toBe(250);
  });

  it('never sleeps longer than the poll interval', () => {
    const pacing = new ReaderPacing(5);
    pacing.woken();
    expect(pacing.idleMs(0)).toBe(5);
  });
});
