import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Pool } from 'pg';
import { PG_POOL } from '../tokens';
import { TestModule, testModule, testToken } from '../testing-app/test-platform';
import type { Server } from 'node:http';
import { bootstrapService, KEEP_ALIVE_TIMEOUT_MS } from './bootstrap-service';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

describe('bootstrapService (a real listening server)', () => {
  let test: TestModule;
  let app: NestExpressApplication | undefined;
  let base: string;

  beforeAll(async () => {
    test = await testModule('boot');
    app = await bootstrapService(test.module, { serviceName: 'test-boot', port: 0 });
    const address = app.getHttpServer().address();
    if (typeof address !== 'object' || address === null) throw new Error('server is not listening');
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await app?.close();
    await test?.dropSchema();
  });

  it('keeps idle connections open longer than clients do (no reset of a reused keep-alive socket)', () => {
    const server = app?.getHttpServer() as Server;
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.headersTimeout).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
  });

  it('serves health, docs and authenticated commands over TCP with the shell configured', async () => {
    const health = await fetch(`${base}/health`, { headers: { 'X-Correlation-Id': 'boot-1' } });
    expect(health.status).toBe(200);
    expect(health.headers.get('x-correlation-id')).toBe('boot-1');
    expect(health.headers.get('x-powered-by')).toBeNull();

    const docs = await fetch(`${base}/docs-json`);
    expect(((await docs.json()) as { info: { title: string } }).info.title).toBe('test-boot API');

    const token = await testToken({ roles: ['staff'] });
    const created = await fetch(`${base}/widgets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'w', quantity: 1 }),
    });
    expect(created.status).toBe(201);

    const malformed = await fetch(`${base}/widgets`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await malformed.json()) as { code: string }).code).toBe('malformed_json');
  });

  it('closes the PostgreSQL pool on shutdown', async () => {
    if (app === undefined) throw new Error('app did not start');
    const pool = app.get<Pool>(PG_POOL);
    await app.close();
    app = undefined;
    expect(pool.ended).toBe(true);
  });
});
