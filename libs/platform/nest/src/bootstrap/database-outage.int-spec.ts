import { PgOutageProxy, requirePostgres } from '@crm/testing';
import { createServer, type AddressInfo } from 'node:net';
import type { Pool, PoolClient } from 'pg';
import request from 'supertest';
import { PG_POOL } from '../tokens';
import { type TestPlatform, startTestPlatform } from '../testing-app/test-platform';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** The test database reached through `port` instead of its own. */
const viaPort = (databaseUrl: string, port: number): string => {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
};

describe('a service when PostgreSQL is unavailable', () => {
  let databaseUrl: string;
  let proxy: PgOutageProxy;
  let platform: TestPlatform | undefined;
  let auditor: string;
  const held: PoolClient[] = [];

  beforeAll(async () => {
    databaseUrl = await requirePostgres();
    const target = new URL(databaseUrl);
    proxy = new PgOutageProxy(target.hostname, Number(target.port || 5432));
  });

  afterAll(async () => {
    held.forEach((client) => client.release());
    proxy.set('up');
    await platform?.close();
    await proxy.stop();
  });

  it('gives up start-up after DB_STARTUP_TIMEOUT_MS with a clear message when nobody answers', async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(
      startTestPlatform('pgdown', {
        env: { DATABASE_URL: viaPort(databaseUrl, port), DB_STARTUP_TIMEOUT_MS: '600' },
      }),
    ).rejects.toThrow(/PostgreSQL at 127\.0\.0\.1:\d+\/\S+ still unavailable after \d+ attempts in 600 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('waits at start-up until PostgreSQL accepts connections instead of exiting', async () => {
    const port = await freePort();
    const arrives = new Promise<void>((resolve) =>
      setTimeout(() => void proxy.start(port).then(() => resolve()), 1_500),
    );
    platform = await startTestPlatform('pglate', {
      env: {
        DATABASE_URL: viaPort(databaseUrl, port),
        DB_POOL_MAX: '2',
        DB_POOL_ACQUIRE_TIMEOUT_MS: '1000',
      },
    });
    await arrives;
    auditor = await platform.token({ sub: 'a1', roles: ['auditor'] });
    const res = await request(platform.app.getHttpServer())
      .get('/audit/streams/widget-1')
      .set('Authorization', `Bearer ${auditor}`);
    expect(res.status).toBeLessThan(500);
  });

  const expect503 = (res: request.Response): void => {
    expect({ status: res.status, code: res.body.code }).toEqual({
      status: 503,
      code: 'database_unavailable',
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('2');
  };

  it('answers 503 with Retry-After when every pooled connection is busy, and serves again after', async () => {
    const pool = platform!.app.get<Pool>(PG_POOL);
    held.push(...(await Promise.all([pool.connect(), pool.connect()])));
    const http = request(platform!.app.getHttpServer());
    expect503(await http.get('/audit/streams/widget-1').set('Authorization', `Bearer ${auditor}`));
    held.splice(0).forEach((client) => client.release());
    const after = await http.get('/audit/streams/widget-1').set('Authorization', `Bearer ${auditor}`);
    expect(after.status).toBeLessThan(500);
  });

  it('answers 503, not 500, when the connections die mid-request, and serves again once they are back', async () => {
    const staff = await platform!.token({ sub: 'u1', roles: ['staff'] });
    const create = (key: string) =>
      request(platform!.app.getHttpServer())
        .post('/widgets')
        .set('Authorization', `Bearer ${staff}`)
        .set('Idempotency-Key', key)
        .send({ name: 'w', quantity: 1 })
        .then((res) => res);
    platform!.ledger.hold();
    const answer = create('outage-mid-request');
    await platform!.ledger.entered$(); // the key is claimed, the command runs
    proxy.set('reset'); // every pooled connection dies before the answer is recorded
    platform!.ledger.release();
    expect503(await answer);

    proxy.set('up');
    expect((await create('after-the-outage')).status).toBe(201);
  });
});
