import { testDatabaseUrl } from '@crm/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { TestPlatform, startTestPlatform } from '../testing-app/test-platform';
import { IdempotencyPurger } from './idempotency-purger';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

describe('Idempotency-Key on commands (real PostgreSQL)', () => {
  let platform: TestPlatform;
  let staff: string;
  let pool: Pool;
  const http = () => request(platform.app.getHttpServer());
  const post = (path: string, key: string | undefined, body: object, token = staff) => {
    const req = http().post(path).set('Authorization', `Bearer ${token}`);
    if (key !== undefined) req.set('Idempotency-Key', key);
    return req.send(body);
  };

  beforeAll(async () => {
    platform = await startTestPlatform('idem');
    staff = await platform.token({ sub: 'u1', roles: ['staff'] });
    pool = new Pool({ connectionString: testDatabaseUrl() });
  });

  afterAll(async () => {
    await pool?.end();
    await platform?.close();
  });

  it('runs the first request, replays its status and body for a repeat without running again', async () => {
    const before = platform.ledger.executions;
    const first = await post('/widgets', 'key-replay', { name: 'w', quantity: 1 });
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // Same body with keys in another order is the same request.
    const repeat = await post('/widgets', 'key-replay', { quantity: 1, name: 'w' });
    expect(repeat.status).toBe(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
    expect(platform.ledger.executions).toBe(before + 1);

    const row = await pool.query(
      `select actor_id, key, method, path, status_code, response from "${platform.schema}".idempotency_keys where key = $1`,
      ['key-replay'],
    );
    expect(row.rows).toEqual([
      {
        actor_id: 'u1',
        key: 'key-replay',
        method: 'POST',
        path: '/widgets',
        status_code: 201,
        response: first.body,
      },
    ]);
  });

  it('answers 422 idempotency_key_reused when the same key comes with a different body', async () => {
    await post('/widgets', 'key-reused', { name: 'a', quantity: 1 }).expect(201);
    const before = platform.ledger.executions;
    const res = await post('/widgets', 'key-reused', { name: 'b', quantity: 1 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('idempotency_key_reused');
    expect(platform.ledger.executions).toBe(before);
  });

  it('stores a 4xx domain refusal and replays it as the same problem', async () => {
    const first = await post('/widgets/refusals', 'key-refused', { name: 'r', quantity: 1 });
    expect(first.status).toBe(422);
    const before = platform.ledger.executions;
    const repeat = await post('/widgets/refusals', 'key-refused', { name: 'r', quantity: 1 });
    expect(repeat.status).toBe(422);
    expect(repeat.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body).toEqual(first.body);
    expect(platform.ledger.executions).toBe(before);
  });

  it('answers 409 idempotency_in_progress to a duplicate while the first is still running', async () => {
    platform.ledger.hold();
    const first = post('/widgets', 'key-inflight', { name: 'slow', quantity: 1 }).then((r) => r);
    await platform.ledger.entered$();
    const duplicate = await post('/widgets', 'key-inflight', { name: 'slow', quantity: 1 });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('idempotency_in_progress');
    platform.ledger.release();
    expect((await first).status).toBe(201);
    const after = await post('/widgets', 'key-inflight', { name: 'slow', quantity: 1 });
    expect(after.status).toBe(201);
    expect(after.headers['idempotent-replayed']).toBe('true');
    expect(after.body).toEqual((await first).body);
  });

  it('does not keep an unexpected 500: the same key may be retried and runs again', async () => {
    const before = platform.ledger.executions;
    expect((await post('/widgets/crashes', 'key-crash', {})).status).toBe(500);
    expect((await post('/widgets/crashes', 'key-crash', {})).status).toBe(500);
    expect(platform.ledger.executions).toBe(before + 2);
    const rows = await pool.query(
      `select 1 from "${platform.schema}".idempotency_keys where key = 'key-crash'`,
    );
    expect(rows.rowCount).toBe(0);
  });

  it('scopes keys per actor and runs every request without a key', async () => {
    const other = await platform.token({ sub: 'u2', roles: ['staff'] });
    const mine = await post('/widgets', 'key-shared', { name: 's', quantity: 1 });
    const theirs = await post('/widgets', 'key-shared', { name: 's', quantity: 1 }, other);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.id).not.toBe(mine.body.id);

    const a = await post('/widgets', undefined, { name: 'n', quantity: 1 });
    const b = await post('/widgets', undefined, { name: 'n', quantity: 1 });
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('refuses an unusable key with 400', async () => {
    const res = await post('/widgets', 'x'.repeat(300), { name: 'n', quantity: 1 });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_idempotency_key');
  });

  it('forgets answered keys after the retention period; a repeat after that runs again', async () => {
    await post('/widgets', 'key-old', { name: 'old', quantity: 1 }).expect(201);
    await post('/widgets', 'key-recent', { name: 'recent', quantity: 1 }).expect(201);
    await pool.query(
      `update "${platform.schema}".idempotency_keys set created_at = now() - interval '169 hours' where key = $1`,
      ['key-old'],
    );
    expect(await platform.app.get(IdempotencyPurger).runOnce()).toBe(1);
    const left = await pool.query<{ key: string }>(
      `select key from "${platform.schema}".idempotency_keys where key = any($1)`,
      [['key-old', 'key-recent']],
    );
    expect(left.rows.map((r) => r.key)).toEqual(['key-recent']);

    const before = platform.ledger.executions;
    const again = await post('/widgets', 'key-old', { name: 'old', quantity: 1 });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(platform.ledger.executions).toBe(before + 1);
  });
});
