import { CaughtUpWaiters } from './caught-up-waiters';

describe('CaughtUpWaiters', () => {
  it('releases a waiter only for a complete poll that began after it asked', async () => {
    const waiters = new CaughtUpWaiters();
    const before = waiters.ticket(); // a poll already in flight when caughtUp() is called
    let released = false;
    const waiting = waiters.add(1_000, 'timeout').then(() => {
      released = true;
    });
    waiters.resolveUpTo(before);
    await Promise.resolve();
    expect(released).toBe(false);

    waiters.resolveUpTo(waiters.ticket());
    await waiting;
    expect(released).toBe(true);
  });

  it('rejects on timeout and on stop', async () => {
    const waiters = new CaughtUpWaiters();
    await expect(waiters.add(5, 'not caught up')).rejects.toThrow('not caught up');
    const pending = waiters.add(1_000, 'timeout');
    waiters.rejectAll(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
  });
});
