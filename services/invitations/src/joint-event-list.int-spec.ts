import request from 'supertest';
import type { Server } from 'node:http';
import { EventPipeline } from '@crm/nest';
import { eventually } from '@crm/testing';
import { startInvitationsTestApp, type InvitationsTestApp } from './testing/invitations-test-app';

jest.setTimeout(120_000);

const local = (time: string): string => new Date(`${time.replace(' ', 'T')}+08:00`).toISOString();

interface ListedEvent {
  readonly jointEventId: string;
  readonly date: string;
  readonly slot: string;
  readonly venue: string;
  readonly businessUnits: string[];
  readonly coordinatorId: string;
  readonly windowOpensOn: string;
  readonly windowClosesAt: string | null;
}

/** GET /joint-events: the schedule projection over HTTP (real PostgreSQL + Kafka). */
describe('joint event list', () => {
  let t: InvitationsTestApp;
  let server: Server;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const get = (path: string, who: string) =>
    request(server)
      .get(path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`);

  const schedule = async (date: string, slot: 'afternoon' | 'evening', businessUnits: string[]) => {
    const res = await request(server)
      .post('/joint-events')
      .set('Authorization', `Bearer ${tokens['coordinator'] ?? ''}`)
      .send({ date, slot, venue: `Hall ${date}`, businessUnits, coordinatorId: 'co-1' })
      .expect(201);
    return (res.body as { jointEventId: string }).jointEventId;
  };

  const list = async (query: string, who = 'coordinator') =>
    (await get(`/joint-events${query}`, who).expect(200)).body as {
      items: ListedEvent[];
      nextCursor: string | null;
    };

  beforeAll(async () => {
    t = await startInvitationsTestApp(local('2026-12-01 09:00:00'));
    server = t.app.getHttpServer() as Server;
    const claims = {
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
      staff3: { sub: 'e-301', bu: 'bu-3', roles: ['staff'] },
      csAgent: { sub: 'cs-1', roles: ['cs_agent'] },
    };
    for (const [name, c] of Object.entries(claims)) tokens[name] = await t.token(c);
    ids['dec10'] = await schedule('2026-12-10', 'evening', ['bu-2', 'bu-1']);
    ids['dec12'] = await schedule('2026-12-12', 'afternoon', ['bu-1', 'bu-3']);
    ids['dec08'] = await schedule('2026-12-08', 'afternoon', ['bu-1', 'bu-2']);
    await eventually(
      async () => ((await list('')).items.length === 3 ? true : undefined),
      'three events listed',
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists scheduled events newest first with slot, venue, BUs in priority order, coordinator and filing window', async () => {
    const { items, nextCursor } = await list('');
    expect(items.map((e) => e.date)).toEqual(['2026-12-12', '2026-12-10', '2026-12-08']);
    expect(items[1]).toEqual({
      jointEventId: ids['dec10'],
      date: '2026-12-10',
      slot: 'evening',
      venue: 'Hall 2026-12-10',
      businessUnits: ['bu-2', 'bu-1'],
      coordinatorId: 'co-1',
      windowOpensOn: '2026-12-03',
      windowClosesAt: local('2026-12-10 16:00:00'),
      scheduledBy: 'co-1',
      scheduledAt: local('2026-12-01 09:00:00'),
      policyVersion: 'v1',
    });
    expect(items[0]?.windowClosesAt).toBe(local('2026-12-12 10:00:00'));
    expect(nextCursor).toBeNull();
  });

  it("keeps a BU's events only and lets staff read the list", async () => {
    const { items } = await list('?bu=bu-3', 'staff3');
    expect(items.map((e) => e.jointEventId)).toEqual([ids['dec12']]);
  });

  it('pages with the cursor it returns, without gaps or repeats', async () => {
    const first = await list('?limit=2');
    expect(first.items.map((e) => e.date)).toEqual(['2026-12-12', '2026-12-10']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&after=${first.nextCursor ?? ''}`);
    expect(second.items.map((e) => e.date)).toEqual(['2026-12-08']);
    expect(second.nextCursor).toBeNull();
  });

  it('answers bad paging with 400 problem+json naming the field, and other roles with 403', async () => {
    for (const [query, field] of [
      ['?limit=0', 'limit'],
      ['?limit=abc', 'limit'],
      ['?after=bm90LWEtY3Vyc29y', 'after'],
    ] as const) {
      const res = await get(`/joint-events${query}`, 'coordinator').expect(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await get('/joint-events', 'csAgent').expect(403);
  });

  it('rebuilds to the same rows', async () => {
    const pipeline = t.app.get(EventPipeline);
    await pipeline.caughtUp();
    const rows = async () =>
      (await t.pool.query(`select * from "${t.config.readSchema()}".joint_events order by joint_event_id`))
        .rows;
    const before = await rows();
    expect(before).toHaveLength(3);
    await pipeline.projection('joint_event_schedule').rebuild();
    await pipeline.caughtUp();
    expect(await rows()).toEqual(before);
  });
});
