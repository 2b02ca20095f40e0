import type { ClaimedTimer } from '@crm/policy';
import { TimerHandlers } from './timer-handlers';

const timer = (kind: string): ClaimedTimer => ({
  id: `t-${kind}`,
  kind,
  dueAt: new Date('2026-01-05T01:00:00Z'),
  payload: {},
  status: 'scheduled',
  attempts: 0,
  lease: new Date('2026-01-05T01:00:30Z'),
});

describe('TimerHandlers', () => {
  it('dispatches by kind', async () => {
    const handlers = new TimerHandlers();
    const seen: string[] = [];
    handlers.on('a', async (t) => {
      seen.push(`a:${t.id}`);
    });
    handlers.on('b', async (t) => {
      seen.push(`b:${t.id}`);
    });
    await handlers.dispatch(timer('b'));
    await handlers.dispatch(timer('a'));
    expect(seen).toEqual(['b:t-b', 'a:t-a']);
    expect(handlers.kinds()).toEqual(['a', 'b']);
  });

  it('fails a timer of an unknown kind so it is retried and parked, not marked fired', async () => {
    await expect(new TimerHandlers().dispatch(timer('nobody'))).rejects.toThrow(
      'no handler registered for timer kind nobody',
    );
  });

  it('refuses a second handler for the same kind', () => {
    const handlers = new TimerHandlers();
    handlers.on('a', async () => undefined);
    expect(() => handlers.on('a', async () => undefined)).toThrow('already registered');
  });
});
