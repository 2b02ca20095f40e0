import { Pool } from 'pg';
import { PostgresEventStore, type StoredEvent } from '@crm/event-store';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { FixedClock } from './clock';
import { DurableTimers } from './durable-timers';
import { type ClaimedTimer, timerCommandId, timerEventId, TimerConflictError } from './timer';
import { TimerPoller } from './timer-poller';

const suffix = uniqueSuffix();
const timerSchema = `timers_${suffix}`;
const storeSchema = `timers_es_${suffix}`;
const LEASE_MS = 10_000;

let pool: Pool;
let store: PostgresEventStore;
const clock = new FixedClock('2025-03-01T08:00:00.000Z');
let timers: DurableTimers;

/**
 * The command a deadline issues, the way a service would wire it: its command id and event id
 * derive from the timer id, so a second firing re-appends the identical event (a no-op).
 */
const markOverdue = async (timer: ClaimedTimer): Promise<void> => {
  const commandId = timerCommandId(timer.id);
  await store.append(
    `case-${String(timer.payload['caseId'])}`,
    [
      {
        id: timerEventId(timer.id),
        type: 'CaseOverdue',
        data: { caseId: timer.payload['caseId'], deadline: timer.dueAt.toISOString() },
        metadata: {
          actor: { id: 'system:timers', role: 'admin' },
          correlationId: commandId,
          commandId,
          causationId: timer.id,
          businessTime: timer.dueAt.toISOString(),
        },
      },
    ],
    'any',
  );
};

const readStream = async (streamId: string): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
};

const at = (offsetMs: number): Date => new Date(clock.now().getTime() + offsetMs);

beforeAll(async () => {
  pool = new Pool({ connectionString: await requirePostgres(), max: 6 });
  store = new PostgresEventStore({ pool, schema: storeSchema });
  await store.migrate();
  timers = new DurableTimers({ pool, schema: timerSchema, clock, leaseMs: LEASE_MS, maxAttempts: 3 });
  await timers.migrate();
  await timers.migrate(); // a second boot must not fail
});

afterAll(async () => {
  await store.close();
  await pool.query(`DROP SCHEMA IF EXISTS ${timerSchema} CASCADE`);
  await pool.query(`DROP SCHEMA IF EXISTS ${storeSchema} CASCADE`);
  await pool.end();
});

describe('DurableTimers (real PostgreSQL)', () => {
  it('schedules idempotently by id; a pending timer can move, a fired one cannot change', async () => {
    const due = at(60_000);
    expect(await timers.schedule('t-idem', due, 'case.overdue', { caseId: 'c1' })).toBe('scheduled');
    expect(await timers.schedule('t-idem', due, 'case.overdue', { caseId: 'c1' })).toBe('unchanged');
    const later = at(120_000);
    expect(await timers.schedule('t-idem', later, 'case.overdue', { caseId: 'c1' })).toBe('rescheduled');
    expect((await timers.get('t-idem'))?.dueAt.toISOString()).toBe(later.toISOString());

    clock.advance(120_000);
    expect((await timers.fireDue(markOverdue)).fired).toBe(1);
    expect(await timers.schedule('t-idem', later, 'case.overdue', { caseId: 'c1' })).toBe('unchanged');
    await expect(timers.schedule('t-idem', at(1), 'case.overdue', { caseId: 'c1' })).rejects.toBeInstanceOf(
      TimerConflictError,
    );
  });

  it('schedules and cancels inside the caller transaction: a rollback leaves no timer behind', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      expect(await timers.schedule('t-within-rolled-back', at(1_000), 'k', {}, { within: client })).toBe(
        'scheduled',
      );
      await client.query('rollback');
      expect(await timers.get('t-within-rolled-back')).toBeUndefined();

      await client.query('begin');
      await timers.schedule('t-within-committed', at(1_000), 'k', {}, { within: client });
      expect(await timers.get('t-within-committed')).toBeUndefined(); // not visible before commit
      await client.query('commit');
      expect((await timers.get('t-within-committed'))?.status).toBe('scheduled');

      await client.query('begin');
      expect(await timers.cancel('t-within-committed', { within: client })).toBe(true);
      await client.query('rollback');
      expect((await timers.get('t-within-committed'))?.status).toBe('scheduled');
      expect(await timers.cancel('t-within-committed')).toBe(true); // keeps it out of the next tests
    } finally {
      client.release();
    }
  });

  it('fires nothing before the due time and each due timer once, in due order', async () => {
    const calls: string[] = [];
    const handler = async (timer: ClaimedTimer): Promise<void> => {
      calls.push(timer.id);
    };
    await timers.schedule('t-order-b', at(2_000), 'k', { n: 2 });
    await timers.schedule('t-order-a', at(1_000), 'k', { n: 1 });
    expect((await timers.fireDue(handler)).claimed).toBe(0);

    clock.advance(2_000);
    expect(await timers.fireDue(handler)).toEqual({ claimed: 2, fired: 2, failed: 0 });
    expect(await timers.fireDue(handler)).toEqual({ claimed: 0, fired: 0, failed: 0 });
    expect(calls).toEqual(['t-order-a', 't-order-b']);
    const fired = await timers.get('t-order-a');
    expect(fired).toMatchObject({ status: 'fired', attempts: 1 });
    expect(fired?.firedAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('never fires a cancelled timer', async () => {
    await timers.schedule('t-cancel', at(1_000), 'k', {});
    expect(await timers.cancel('t-cancel')).toBe(true);
    expect(await timers.cancel('t-cancel')).toBe(false);
    clock.advance(5_000);
    const handler = jest.fn(async () => undefined);
    await timers.fireDue(handler);
    expect(handler).not.toHaveBeenCalled();
    expect((await timers.get('t-cancel'))?.status).toBe('cancelled');
  });

  it('fires again after a crash between handler and mark, and the command stays idempotent by timer id', async () => {
    await timers.schedule('t-crash', at(1_000), 'case.overdue', { caseId: 'crash-1' });
    clock.advance(1_000);
    const handler = jest.fn(markOverdue);

    // The process claims the timer, runs the command, then dies before marking it fired.
    const [claimed] = await timers.claimDue();
    expect(claimed?.id).toBe('t-crash');
    await handler(claimed as ClaimedTimer);

    // While the dead process's lease lasts nobody else takes the timer ...
    clock.advance(LEASE_MS - 1);
    expect((await timers.fireDue(handler)).claimed).toBe(0);
    // ... after it, the timer fires again.
    clock.advance(1);
    expect(await timers.fireDue(handler)).toEqual({ claimed: 1, fired: 1, failed: 0 });

    expect(handler).toHaveBeenCalledTimes(2);
    const events = await readStream('case-crash-1');
    expect(events.map((event) => event.id)).toEqual([timerEventId('t-crash')]);
    expect(events[0]?.metadata.commandId).toBe(timerCommandId('t-crash'));
    expect(await timers.get('t-crash')).toMatchObject({ status: 'fired', attempts: 2 });
  });

  it('a claimant whose lease expired cannot mark a timer another poller re-claimed', async () => {
    await timers.schedule('t-fence', at(1_000), 'k', {});
    clock.advance(1_000);
    const [first] = await timers.claimDue();
    clock.advance(LEASE_MS);
    const [second] = await timers.claimDue();
    expect(second?.id).toBe('t-fence');
    expect(await timers.markFired(first as ClaimedTimer)).toBe(false);
    expect(await timers.markFired(second as ClaimedTimer)).toBe(true);
  });

  it('retries a failing handler after a delay and parks it as failed after maxAttempts', async () => {
    await timers.schedule('t-fail', at(1_000), 'k', {});
    clock.advance(1_000);
    const failing = jest.fn(async (timer: ClaimedTimer) => {
      if (timer.id === 't-fail') throw new Error('downstream refused');
    });
    expect(await timers.fireDue(failing)).toEqual({ claimed: 1, fired: 0, failed: 1 });
    expect(await timers.get('t-fail')).toMatchObject({
      status: 'scheduled',
      lastError: 'downstream refused',
    });
    expect((await timers.fireDue(failing)).claimed).toBe(0); // backing off
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      clock.advance(60_000);
      expect((await timers.fireDue(failing)).failed).toBe(1);
    }
    clock.advance(60_000);
    expect((await timers.fireDue(failing)).claimed).toBe(0);
    expect(await timers.get('t-fail')).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('lets concurrent pollers claim disjoint timers (SKIP LOCKED), each firing exactly once', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `t-par-${String(i).padStart(2, '0')}`);
    for (const id of ids) await timers.schedule(id, at(1_000), 'k', { id });
    clock.advance(1_000);
    const replicas = [0, 1, 2].map(
      () => new DurableTimers({ pool, schema: timerSchema, clock, leaseMs: LEASE_MS }),
    );
    const seen: string[] = [];
    const handler = async (timer: ClaimedTimer): Promise<void> => {
      seen.push(timer.id);
    };
    const passes = await Promise.all(replicas.map((replica) => replica.fireDue(handler, 7)));
    expect(passes.reduce((sum, pass) => sum + pass.claimed, 0)).toBe(21);
    while ((await timers.fireDue(handler, 7)).claimed > 0);
    expect([...seen].sort()).toEqual(ids);
  });

  it('runs timers from a polling loop', async () => {
    await timers.schedule('t-poll-1', at(0), 'case.overdue', { caseId: 'poll-1' });
    await timers.schedule('t-poll-2', at(0), 'case.overdue', { caseId: 'poll-2' });
    const poller = new TimerPoller({ timers, handler: markOverdue, intervalMs: 20 });
    poller.start();
    expect(poller.isAlive()).toBe(true); // before its first pass has finished
    try {
      const deadline = Date.now() + 10_000;
      while (
        (await timers.get('t-poll-2'))?.status !== 'fired' ||
        (await timers.get('t-poll-1'))?.status !== 'fired'
      ) {
        if (Date.now() > deadline) throw new Error('poller did not fire the timers');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(poller.isAlive()).toBe(true);
    } finally {
      await poller.stop();
    }
    expect(poller.isAlive()).toBe(false);
    expect((await readStream('case-poll-1')).length).toBe(1);
  });
});
