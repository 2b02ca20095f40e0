import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ClaimedTimer, DurableTimers } from '@crm/policy';
import { eventually } from '@crm/testing';
import { startTestPlatform, type TestPlatform } from '../testing-app/test-platform';
import { TimerHandlers } from './timer-handlers';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

describe('durable timers in the platform module (real PostgreSQL)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform('timers');
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('fires a due timer through the handler registered for its kind, and reports the poller on /health', async () => {
    const fired: ClaimedTimer[] = [];
    platform.app.get(TimerHandlers).on('test.ping', async (timer) => {
      fired.push(timer);
    });
    const timers = platform.app.get(DurableTimers);
    const id = `ping-${randomUUID()}`;
    await timers.schedule(id, new Date(Date.now() - 1_000), 'test.ping', { n: 1 });

    await eventually(
      async () => ((await timers.get(id))?.status === 'fired' ? true : undefined),
      'the timer fired',
      15_000,
    );
    expect(fired.map((t) => [t.id, t.payload])).toEqual([[id, { n: 1 }]]);

    const health = await request(platform.app.getHttpServer()).get('/health');
    expect(health.body.checks.timers).toMatchObject({ status: 'up' });
  });

  it('does not mark a timer of an unknown kind as fired', async () => {
    const timers = platform.app.get(DurableTimers);
    const id = `orphan-${randomUUID()}`;
    await timers.schedule(id, new Date(Date.now() - 1_000), 'test.nobody-handles-this', {});
    const lastError = await eventually(
      async () => (await timers.get(id))?.lastError,
      'a failed attempt',
      15_000,
    );
    expect(lastError).toContain('no handler registered for timer kind test.nobody-handles-this');
    expect((await timers.get(id))?.status).toBe('scheduled'); // waits for its retry, not fired
    await timers.cancel(id);
  });
});
