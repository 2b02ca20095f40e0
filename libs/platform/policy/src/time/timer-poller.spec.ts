import type { DurableTimers, FireResult } from './durable-timers';
import { TimerPoller } from './timer-poller';

/** Counts the passes; the poller only ever calls `fireDue`. */
const countingTimers = () => {
  const passes: number[] = [];
  const timers = {
    fireDue: async (): Promise<FireResult> => {
      passes.push(Date.now());
      return { claimed: 0, fired: 0, failed: 0 };
    },
  } as unknown as DurableTimers;
  return { timers, passes };
};

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error('condition not reached within 1 s');
};

describe('TimerPoller.pollNow', () => {
  it('starts a pass at once instead of after the interval (the clock was moved)', async () => {
    const { timers, passes } = countingTimers();
    const poller = new TimerPoller({ timers, handler: async () => undefined, intervalMs: 60_000 });
    poller.start();
    await until(() => passes.length === 1);
    poller.pollNow();
    await until(() => passes.length === 2);
    await poller.stop();
    expect(passes).toHaveLength(2);
  });

  it('a request during a pass runs one more pass after it', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const timers = {
      fireDue: async (): Promise<FireResult> => {
        calls += 1;
        if (calls === 1) await new Promise<void>((r) => (release = r));
        return { claimed: 0, fired: 0, failed: 0 };
      },
    } as unknown as DurableTimers;
    const poller = new TimerPoller({ timers, handler: async () => undefined, intervalMs: 60_000 });
    poller.start();
    await until(() => calls === 1);
    poller.pollNow();
    release();
    await until(() => calls === 2);
    await poller.stop();
    expect(calls).toBe(2);
  });
});
