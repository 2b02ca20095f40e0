import { randomUUID } from 'node:crypto';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { Client, type Pool } from 'pg';
import request from 'supertest';
import type { EventStore, NewEvent } from '@crm/event-store';
import { ensureTopics, toKafkaMessage } from '@crm/messaging';
import { connectionUrlAs, qualifiedName, writerRoleFor } from '@crm/postgres';
import { defineProjection } from '@crm/projections';
import { eventually, requireKafka, testDatabaseUrl, uniqueSuffix } from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { connectInboxConsumer } from '../pipeline/connect-inbox-consumer';
import { EventPipelineModule } from '../pipeline/event-pipeline.module';
import { startTestPlatform, type TestPlatform } from '../testing-app/test-platform';
import { EVENT_STORE, PG_POOL } from '../tokens';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(120_000);

/** Lets the test hold the projection inside its batch, so it falls behind on purpose. */
class Gate {
  private opened: Promise<void> = Promise.resolve();
  private release: () => void = () => undefined;

  close(): void {
    this.opened = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  open(): void {
    this.release();
  }

  passed(): Promise<void> {
    return this.opened;
  }
}

const gate = new Gate();

const widgetSeen = (): NewEvent => ({
  id: randomUUID(),
  type: 'WidgetSeen',
  data: {},
  metadata: {
    actor: { id: 'u1', role: 'staff', bu: 'bu-1', name: 'Tester' },
    reason: 'readiness test',
    businessTime: '2026-01-05T01:00:00.000Z',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
  },
});

const slowProjection = defineProjection({
  name: 'slow_widgets',
  version: 1,
  tables: [{ name: 'slow_widgets', ddl: (t) => `create table if not exists ${t} (id uuid primary key)` }],
  handles: ['WidgetSeen'],
  apply: async (event, ctx) => {
    await gate.passed();
    await ctx.manager.query(`insert into ${ctx.table('slow_widgets')} (id) values ($1)`, [event.id]);
  },
});

@Controller()
class NothingHandled {
  @EventPattern('WidgetSeen')
  async onWidgetSeen(): Promise<void> {
    // Never reached in these tests: the consumer's tables are gone before anything arrives.
  }
}

interface Readiness {
  readonly status: number;
  readonly checks: Record<
    string,
    { status: string; error?: string; details?: Record<string, unknown> } | undefined
  >;
}

describe('/health/ready (real PostgreSQL and Kafka)', () => {
  let platform: TestPlatform;
  let store: EventStore;

  const ready = async (): Promise<Readiness> => {
    const response = await request(platform.app.getHttpServer()).get('/health/ready');
    return { status: response.status, checks: response.body.checks };
  };

  const appendWidgets = (count: number): Promise<unknown> =>
    store.append(`widget-${randomUUID()}`, Array.from({ length: count }, widgetSeen), 'no_stream');

  beforeAll(async () => {
    gate.close();
    platform = await startTestPlatform('readiness', {
      controllers: [NothingHandled],
      imports: [EventPipelineModule.forService({ projections: [slowProjection] })],
      env: {
        HEALTH_MAX_LAG_EVENTS: '3',
        HEALTH_LOG_STALL_SECONDS: '1',
        HEALTH_CRASH_WINDOW_SECONDS: '60',
      },
    });
    store = platform.app.get<EventStore>(EVENT_STORE);
  });

  afterAll(async () => {
    gate.open();
    await platform?.close();
  });

  it('is live at once, and ready only once the projection has caught up after start', async () => {
    await appendWidgets(2);
    expect((await request(platform.app.getHttpServer()).get('/health/live')).status).toBe(200);

    const starting = await ready();
    expect(starting.status).toBe(503);
    expect(starting.checks['projection.slow_widgets']).toMatchObject({
      status: 'down',
      error: 'catching up with the event log after start',
      details: { lagEvents: 2, caughtUpSinceStart: false },
    });
    // The old path answers the same.
    expect((await request(platform.app.getHttpServer()).get('/health')).status).toBe(503);

    gate.open();
    const caughtUp = await eventually(async () => {
      const now = await ready();
      return now.status === 200 ? now : undefined;
    }, 'ready after catching up');
    expect(caughtUp.checks['projection.slow_widgets']).toMatchObject({
      status: 'up',
      details: { lagEvents: 0, lagSeconds: 0, caughtUpSinceStart: true },
    });
  });

  it('reports a projection behind by more than HEALTH_MAX_LAG_EVENTS with its lag in events and seconds', async () => {
    gate.close();
    await appendWidgets(5);
    const behind = await eventually(async () => {
      const now = await ready();
      return now.checks['projection.slow_widgets']?.details?.['lagEvents'] === 5 ? now : undefined;
    }, 'the lag to show');
    expect(behind.status).toBe(503);
    const check = behind.checks['projection.slow_widgets'];
    expect(check?.status).toBe('down');
    expect(check?.error).toMatch(/^behind by 5 events \/ [\d.]+ s \(limits 3 events, 60 s\)$/);
    expect(check?.details?.['lagSeconds']).toEqual(expect.any(Number));

    gate.open();
    await eventually(async () => ((await ready()).status === 200 ? true : undefined), 'ready again');
  });

  it('names the transaction that stalls the event log: pid, role, database and age', async () => {
    const role = writerRoleFor('test-readiness');
    const holder = new Client({ connectionString: connectionUrlAs(testDatabaseUrl(), role) });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select pg_current_xact_id()');
      const pid = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
      await appendWidgets(1);

      const stalled = await eventually(async () => {
        const now = await ready();
        return now.checks['event-log']?.status === 'down' ? now : undefined;
      }, 'the stall to be reported');
      expect(stalled.status).toBe(503);
      const log = stalled.checks['event-log'];
      const database = new URL(testDatabaseUrl()).pathname.slice(1);
      expect(log?.error).toContain(`pid ${pid}, role ${role}, database ${database}`);
      const heldBy = log?.details?.['heldBy'] as Array<Record<string, unknown>>;
      expect(heldBy[0]).toMatchObject({ pid, role, database, waitingEvents: 1 });
      expect(heldBy[0]?.['ageSeconds']).toBeGreaterThan(1);
    } finally {
      await holder.query('rollback').catch(() => undefined);
      await holder.end();
    }
    await eventually(async () => ((await ready()).status === 200 ? true : undefined), 'ready after release');
  });

  it('is not ready while a consumer crash-loops, and names it', async () => {
    const suffix = uniqueSuffix();
    const topic = `test.readiness.${suffix}`;
    const name = `readiness-${suffix}`;
    const kafka = new Kafka({ clientId: name, brokers: await requireKafka(), logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [topic]);
    await admin.disconnect();
    await connectInboxConsumer(platform.app, {
      name,
      topics: [topic],
      retry: { attempts: 1, baseDelayMs: 10, maxDelayMs: 10 },
      consumerConfig: { retry: { retries: 0, initialRetryTime: 100 } },
    });
    // Neither the message nor its dead letter can be written: every attempt throws, kafkajs
    // crashes the consumer and restarts it, and the same message comes back.
    const pool = platform.app.get<Pool>(PG_POOL);
    for (const table of ['inbox', 'dead_letters']) {
      await pool.query(`alter table ${qualifiedName(platform.schema, table)} rename to ${table}_gone`);
    }
    const producer = kafka.producer();
    await producer.connect();
    const id = randomUUID();
    await producer.send({
      topic,
      messages: [
        toKafkaMessage({
          eventId: id,
          type: 'WidgetSeen',
          streamId: `widget-${id}`,
          aggregateId: id,
          version: 0,
          position: { commit: '1', prepare: '1' },
          occurredAt: '2026-01-05T01:00:00.000Z',
          recordedAt: '2026-01-05T01:00:00.010Z',
          correlationId: randomUUID(),
          data: {},
        }),
      ],
    });
    await producer.disconnect();

    const looping = await eventually(
      async () => {
        const now = await ready();
        const crashes = now.checks[`consumer.${name}`]?.details?.['crashes'] as { count: number } | undefined;
        return crashes !== undefined && crashes.count >= 2 ? now : undefined;
      },
      'crashes to be counted',
      60_000,
    );
    expect(looping.status).toBe(503);
    expect(looping.checks[`consumer.${name}`]).toMatchObject({
      status: 'down',
      error: expect.stringMatching(new RegExp(`^consumer ${name} crashed \\d+ times, last \\d+ s ago: `)),
    });

    // Tables back: the message goes through and the loop ends (nothing left to restart after close).
    for (const table of ['inbox', 'dead_letters']) {
      await pool.query(`alter table ${qualifiedName(platform.schema, `${table}_gone`)} rename to ${table}`);
    }
    await eventually(
      async () => {
        const { rowCount } = await pool.query(
          `select 1 from ${qualifiedName(platform.schema, 'inbox')} where event_id = $1`,
          [id],
        );
        return rowCount === 1 ? true : undefined;
      },
      'the message to be handled once the tables are back',
      60_000,
    );
  });
});
