import request from 'supertest';
import { EVENT_STORE } from '../tokens';
import type { EventStore } from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { TestPlatform, startTestPlatform } from '../testing-app/test-platform';
import { HealthRegistry } from './health-registry';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

describe('health and metrics (real PostgreSQL and Kafka)', () => {
  let platform: TestPlatform;
  const http = () => request(platform.app.getHttpServer());

  beforeAll(async () => {
    platform = await startTestPlatform('obs');
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('/health answers 200 with PostgreSQL and Kafka up', async () => {
    const res = await http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'up' }, kafka: { status: 'up' } },
      warnings: [],
    });
  });

  it('/health answers 503 when a registered critical probe fails, and recovers when it is alive again', async () => {
    const registry = platform.app.get(HealthRegistry);
    let alive = false;
    registry.register('projector', () => alive);
    registry.register(
      'relay',
      async () => {
        throw new Error('relay stopped: broker refused');
      },
      { critical: false },
    );
    try {
      const down = await http().get('/health');
      expect(down.status).toBe(503);
      expect(down.body.status).toBe('error');
      expect(down.body.checks.projector).toMatchObject({ status: 'down', critical: true });
      expect(down.body.checks.postgres.status).toBe('up');
      expect(down.body.warnings).toEqual(['relay: relay stopped: broker refused']);

      alive = true;
      const up = await http().get('/health');
      expect(up.status).toBe(200);
      expect(up.body.warnings).toHaveLength(1);
    } finally {
      registry.unregister('projector');
      registry.unregister('relay');
    }
  });

  it('/metrics exposes the platform metrics, observing commands and appends as they happen', async () => {
    const token = await platform.token({ roles: ['staff'] });
    await http()
      .post('/widgets')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'm', quantity: 1 })
      .expect(201);
    await http()
      .post('/widgets/refusals')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'm', quantity: 1 });
    const store = platform.app.get<EventStore>(EVENT_STORE);
    await store.append(
      `widget-${randomUUID()}`,
      [
        {
          id: randomUUID(),
          type: 'WidgetMade',
          data: {},
          metadata: {
            actor: { id: 'u1', role: 'staff' },
            correlationId: 'c',
            businessTime: new Date().toISOString(),
          },
        },
      ],
      'no_stream',
    );

    const res = await http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    for (const name of [
      'command_latency_seconds',
      'append_latency_seconds',
      'relay_lag_events',
      'consumer_lag_messages',
      'projection_lag_events',
      'dead_letters_total',
      'process_cpu_user_seconds_total',
    ]) {
      expect(res.text).toContain(`# TYPE ${name}`);
    }
    expect(res.text).toContain(
      'command_latency_seconds_count{service="test-obs",command="WidgetsController.create",outcome="ok"} 1',
    );
    expect(res.text).toContain(
      'command_latency_seconds_count{service="test-obs",command="WidgetsController.refuse",outcome="refused"} 1',
    );
    expect(res.text).toContain('append_latency_seconds_count{service="test-obs",outcome="ok"} 1');
  });
});
