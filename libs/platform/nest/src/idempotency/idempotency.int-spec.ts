import { testDatabaseUrl } from '@crm/testing';
import { Pool } from 'pg';
import request from 'supertest';
import { TestPlatform, startTestPlatform } from '../testing-app/test-platform';
import { createHash } from 'node:crypto';
import { canonicalJson } from '@crm/event-store';
import { PlatformConfig } from '../config/platform-config';
import { IdempotencyPurger } from './idempotency-purger';
import { requestHash } from './request-hash';

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

  it('stores a keyed hash of the request: a guessed body cannot be confirmed without the secret', async () => {
    const body = { name: '张三 13800138000', quantity: 1 };
    await post('/widgets', 'key-hash', body).expect(201);
    const { rows } = await pool.query<{ request_hash: string }>(
      `select request_hash from "${platform.schema}".idempotency_keys where key = 'key-hash'`,
    );
    const plain = createHash('sha256')
      .update(canonicalJson({ method: 'POST', path: '/widgets', body }))
      .digest('hex');
    expect(rows[0]?.request_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.request_hash).not.toBe(plain);
    expect(rows[0]?.request_hash).toBe(
      requestHash(platform.app.get(PlatformConfig).idempotencyHashSecret(), 'POST', '/widgets', body),
    );
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

  const orders = async (name: string): Promise<number> =>
    (
      await pool.query(`select 1 from "${platform.schema}".events where stream_id = $1`, [
        `widget-order-${name}`,
      ])
    ).rowCount ?? 0;
  const claims = async (key: string): Promise<number> =>
    (await pool.query(`select 1 from "${platform.schema}".idempotency_keys where key = $1`, [key]))
      .rowCount ?? 0;

  it('lets a duplicate wait for the first request, then replays its answer: one effect', async () => {
    platform.ledger.hold();
    const first = post('/widget-orders', 'key-inflight', { name: 'inflight', quantity: 1 }).then((r) => r);
    // The first request now holds its transaction open, its claim inserted but not committed.
    await platform.ledger.entered$();
    const duplicate = post('/widget-orders', 'key-inflight', { name: 'inflight', quantity: 1 }).then(
      (r) => r,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await orders('inflight')).toBe(0);
    platform.ledger.release();
    const [a, b] = [await first, await duplicate];
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body).toEqual(a.body);
    expect(await orders('inflight')).toBe(1);
  });

  it('runs N concurrent identical requests once: one effect, one answer for all', async () => {
    const before = platform.ledger.executions;
    const replies = await Promise.all(
      Array.from({ length: 8 }, () => post('/widget-orders', 'key-burst', { name: 'burst', quantity: 2 })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 8 }, () => 201));
    for (const reply of replies) expect(reply.body).toEqual(replies[0]?.body);
    expect(replies.filter((r) => r.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect(await orders('burst')).toBe(1);
    expect(platform.ledger.executions).toBe(before + 1);
  });

  it('writes the answer in the transaction of the effects: a request that rolled back leaves no claim', async () => {
    platform.ledger.failNext(new Error('connection lost after the append'));
    const failed = await post('/widget-orders', 'key-rolled-back', { name: 'rollback', quantity: 1 });
    expect(failed.status).toBe(500);
    expect(await orders('rollback')).toBe(0);
    expect(await claims('key-rolled-back')).toBe(0);

    const retry = await post('/widget-orders', 'key-rolled-back', { name: 'rollback', quantity: 1 });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await orders('rollback')).toBe(1);
  });

  it('derives the command id from the key: a retry after the answer was purged appends nothing new', async () => {
    const first = await post('/widget-orders', 'key-purged', { name: 'purged', quantity: 1 });
    expect(first.status).toBe(201);
    await pool.query(`delete from "${platform.schema}".idempotency_keys where key = 'key-purged'`);
    const again = await post('/widget-orders', 'key-purged', { name: 'purged', quantity: 1 });
    expect(again.status).toBe(201);
    expect(again.body.commandId).toBe(first.body.commandId);
    expect(await orders('purged')).toBe(1);
    const other = await post('/widget-orders', 'key-purged-2', { name: 'purged', quantity: 1 });
    expect(other.body.commandId).not.toBe(first.body.commandId);
    expect(await orders('purged')).toBe(2);
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
