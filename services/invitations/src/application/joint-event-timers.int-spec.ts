import request from 'supertest';
import type { Server } from 'node:http';
import { startInvitationsTestApp, type InvitationsTestApp } from '../testing/invitations-test-app';

jest.setTimeout(120_000);

/** A local Asia/Shanghai wall-clock time. */
const local = (time: string): string => new Date(`${time.replace(' ', 'T')}+08:00`).toISOString();

/**
 * A joint event and its cut-off and release timers commit in one transaction: when the timers
 * cannot be written the event is not stored either, and a retry stores both.
 */
describe('joint event timers commit with the event (real PostgreSQL)', () => {
  let t: InvitationsTestApp;
  let coordinator: string;
  // Without an Idempotency-Key: the command's own unit of work is the only transaction.
  const schedule = () =>
    request(t.app.getHttpServer() as Server)
      .post('/joint-events')
      .set('Authorization', `Bearer ${coordinator}`)
      .send({
        date: '2026-12-10',
        slot: 'evening',
        venue: 'Hall A',
        businessUnits: ['bu-1', 'bu-2'],
        coordinatorId: 'co-1',
      });
  const scheduledEvents = async (): Promise<number> =>
    (
      await t.pool.query<{ n: number }>(
        `select count(*)::int as n from "${t.config.SCHEMA}".events where type = 'JointEventScheduled'`,
      )
    ).rows[0]?.n ?? -1;
  const timersOf = async (jointEventId: string): Promise<string[]> =>
    (
      await t.pool.query<{ kind: string }>(
        `select kind from "${t.config.SCHEMA}".timers where payload->>'jointEventId' = $1 order by kind`,
        [jointEventId],
      )
    ).rows.map((r) => r.kind);

  beforeAll(async () => {
    t = await startInvitationsTestApp(local('2026-12-05 11:00:00'));
    coordinator = await t.token({ sub: 'co-1', roles: ['coordinator'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a failure writing the timers stores no joint event; the retry stores the event with its timers', async () => {
    const before = await scheduledEvents();
    // A real failure of the timer insert (as a refused connection would be), for new rows only.
    await t.pool.query(
      `alter table "${t.config.SCHEMA}".timers add constraint no_cutoffs check (kind <> 'invitations.list-cutoff') not valid`,
    );
    const failed = await schedule();
    expect(failed.status).toBe(500);
    expect(await scheduledEvents()).toBe(before);

    await t.pool.query(`alter table "${t.config.SCHEMA}".timers drop constraint no_cutoffs`);
    const retried = await schedule();
    expect(retried.status).toBe(201);
    expect(await scheduledEvents()).toBe(before + 1);
    const kinds = await timersOf(retried.body.jointEventId as string);
    expect(kinds.filter((k) => k === 'invitations.list-cutoff').length).toBeGreaterThan(0);
    expect(kinds.filter((k) => k === 'invitations.lists-release')).toHaveLength(
      kinds.filter((k) => k === 'invitations.list-cutoff').length,
    );
    expect(kinds.filter((k) => k === 'invitations.list-due-reminder')).toHaveLength(
      kinds.filter((k) => k === 'invitations.list-cutoff').length,
    );
  });
});
