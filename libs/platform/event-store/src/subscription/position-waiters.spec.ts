import { type GlobalPosition, START } from '../event-store.port';
import { PositionWaiters } from './position-waiters';

const at = (commit: number, prepare: number): GlobalPosition => ({
  commit: BigInt(commit),
  prepare: BigInt(prepare),
});

describe('PositionWaiters', () => {
  it('resolves at once when the reader is already at or past the head', async () => {
    const waiters = new PositionWaiters();
    await expect(waiters.add(at(5, 9), at(5, 9))).resolves.toBeUndefined();
    await expect(waiters.add(START, START)).resolves.toBeUndefined();
  });

  it('releases a waiter only when the reader reaches its target, not on an earlier position', async () => {
    const waiters = new PositionWaiters();
    let released = false;
    const waiting = waiters.add(at(7, 3), at(5, 100)).then(() => {
      released = true;
    });
    waiters.settle(at(6, 999)); // a short read that stopped behind an open transaction
    waiters.settle(null);
    await Promise.resolve();
    expect(released).toBe(false);

    waiters.settle(at(7, 3));
    await waiting;
    expect(released).toBe(true);
  });

  it('rejects on timeout and on stop', async () => {
    const waiters = new PositionWaiters();
    await expect(waiters.add(at(2, 2), null, 5, 'not caught up')).rejects.toThrow('not caught up');
    const pending = waiters.add(at(2, 2), null);
    waiters.rejectAll(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
  });
});
