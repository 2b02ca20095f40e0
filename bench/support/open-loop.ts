import { sleep } from './stats';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with PostgreSQL timestamps on this host. */
export const epochMs = (): number => performance.timeOrigin + performance.now();

export interface OpenLoopStats {
  readonly planned: number;
  readonly firstDueAt: number;
  readonly lastSentAt: number;
}

/**
 * Fires `total` calls at a fixed rate without waiting for earlier ones to finish (open loop), so a
 * slow system cannot slow the arrivals down and hide its own latency. When the timer wakes late the
 * overdue calls go out at once; callers measure from the scheduled instant (`dueAt`) as well.
 */
export const openLoop = async (
  ratePerSecond: number,
  total: number,
  fire: (index: number, dueAt: number) => Promise<void>,
): Promise<OpenLoopStats> => {
  const interval = 1000 / ratePerSecond;
  const firstDueAt = epochMs() + 20;
  const inFlight: Promise<void>[] = [];
  let lastSentAt = firstDueAt;
  for (let i = 0; i < total;) {
    const dueAt = firstDueAt + i * interval;
    const now = epochMs();
    if (now < dueAt) {
      await sleep(Math.max(0, dueAt - now - 0.5));
      continue;
    }
    inFlight.push(fire(i, dueAt));
    lastSentAt = now;
    i += 1;
  }
  await Promise.all(inFlight);
  return { planned: total, firstDueAt, lastSentAt };
};
