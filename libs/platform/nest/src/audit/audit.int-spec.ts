import type { EventStore, NewEvent } from '@crm/event-store';
import { testDatabaseUrl } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { TestPlatform, startTestPlatform } from '../testing-app/test-platform';
import { EVENT_STORE } from '../tokens';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: {
    actor: { id: 'u1', role: 'staff', bu: 'bu-1' },
    correlationId: 'corr-audit',
    commandId: randomUUID(),
    reason: 'test',
    businessTime: '2025-03-01T08:00:00.000Z',
  },
});

describe('audit endpoints over a real PostgresEventStore', () => {
  let platform: TestPlatform;
  let store: EventStore;
  let pool: Pool;
  let auditor: string;
  const streamId = `widget-${randomUUID()}`;
  let between: string;
  const http = () => request(platform.app.getHttpServer());

  beforeAll(async () => {
    platform = await startTestPlatform('audit');
    store = platform.app.get<EventStore>(EVENT_STORE);
    pool = new Pool({ connectionString: testDatabaseUrl() });
    auditor = await platform.token({ sub: 'a1', roles: ['auditor'] });
    await store.append(
      streamId,
      [event('WidgetMade', { name: 'w' }), event('WidgetRenamed', { name: 'v' })],
      'no_stream',
    );
    await sleep(20);
    between = new Date().toISOString();
    await sleep(20);
    await store.append(streamId, [event('WidgetRetired', {})], 1);
  });

  afterAll(async () => {
    await pool?.end();
    await platform?.close();
  });

  it('returns the full history with metadata and hashes to an auditor', async () => {
    const res = await http().get(`/audit/streams/${streamId}`).set('Authorization', `Bearer ${auditor}`);
    expect(res.status).toBe(200);
    expect(res.body.streamId).toBe(streamId);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual([
      'WidgetMade',
      'WidgetRenamed',
      'WidgetRetired',
    ]);
    const [first, second] = res.body.events;
    expect(first).toMatchObject({
      version: 0,
      data: { name: 'w' },
      metadata: {
        actor: { id: 'u1', role: 'staff', bu: 'bu-1' },
        correlationId: 'corr-audit',
        reason: 'test',
        businessTime: '2025-03-01T08:00:00.000Z',
        recordTime: expect.any(String),
      },
      position: { commit: expect.stringMatching(/^\d+$/), prepare: expect.stringMatching(/^\d+$/) },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(second.previousHash).toBe(first.hash);
  });

  it('reads as of an instant with ?until=', async () => {
    const res = await http()
      .get(`/audit/streams/${streamId}`)
      .query({ until: between })
      .set('Authorization', `Bearer ${auditor}`);
    expect(res.status).toBe(200);
    expect(res.body.until).toBe(between);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['WidgetMade', 'WidgetRenamed']);
  });

  it('refuses a malformed until with 400 naming the field, an unknown stream with 404', async () => {
    const bad = await http()
      .get(`/audit/streams/${streamId}`)
      .query({ until: 'yesterday' })
      .set('Authorization', `Bearer ${auditor}`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['until']);
    const missing = await http().get(`/audit/streams/widget-none`).set('Authorization', `Bearer ${auditor}`);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('stream_not_found');
  });

  it('is reserved to auditors and admins', async () => {
    const staff = await platform.token({ roles: ['staff', 'bu_manager'] });
    expect(
      (await http().get(`/audit/streams/${streamId}`).set('Authorization', `Bearer ${staff}`)).status,
    ).toBe(403);
    expect(
      (await http().get(`/audit/streams/${streamId}/verify`).set('Authorization', `Bearer ${staff}`)).status,
    ).toBe(403);
    const admin = await platform.token({ roles: ['admin'] });
    expect(
      (await http().get(`/audit/streams/${streamId}`).set('Authorization', `Bearer ${admin}`)).status,
    ).toBe(200);
  });

  it('verifies the hash chain, and reports an event altered directly in SQL', async () => {
    const ok = await http()
      .get(`/audit/streams/${streamId}/verify`)
      .set('Authorization', `Bearer ${auditor}`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ streamId, ok: true, eventsChecked: 3, problems: [] });

    await pool.query(
      `update "${platform.schema}".events set data = '{"name":"forged"}'::jsonb where stream_id = $1 and version = 1`,
      [streamId],
    );
    const tampered = await http()
      .get(`/audit/streams/${streamId}/verify`)
      .set('Authorization', `Bearer ${auditor}`);
    expect(tampered.status).toBe(200);
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'altered', version: 1 })]),
    );
  });
});
