import {
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  startServiceProcess,
  testDatabaseUrl,
  uniqueSuffix,
  type ServiceProcess,
} from '@crm/testing';
import { Client } from 'pg';
import { readSchemaFor } from '../config/service-config';
import { testToken } from '../testing-app/test-platform';

const ENTRY = 'libs/platform/nest/src/testing-app/widgets-main.ts';
const APP_NAME = 'test-process';

/**
 * The crash window of an Idempotency-Key request, with a real process killed by SIGKILL: the
 * widget app runs in a child process, a request is killed at a chosen moment, and the retry goes
 * to a freshly started process on the same schema.
 */
describe('Idempotency-Key across a process crash (SIGKILL, real PostgreSQL)', () => {
  const schema = `nest_crash_${uniqueSuffix()}`;
  let env: Record<string, string>;
  let db: Client;
  let token: string;
  const running: ServiceProcess[] = [];

  const start = async (): Promise<ServiceProcess> => {
    const app = await startServiceProcess('widgets', env, { entry: ENTRY });
    running.push(app);
    return app;
  };

  const order = (app: ServiceProcess, key: string, body: object): Promise<Response> =>
    fetch(`${app.baseUrl}/widget-orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });

  const count = async (sql: string, value: string): Promise<number> =>
    Number((await db.query<{ n: string }>(sql, [value])).rows[0]?.n ?? 0);
  const events = (name: string): Promise<number> =>
    count(`select count(*) as n from "${schema}".events where stream_id = $1`, `widget-order-${name}`);
  const claims = (key: string): Promise<number> =>
    count(`select count(*) as n from "${schema}".idempotency_keys where key = $1`, key);

  /** Polls every few ms until `probe` holds, so the kill lands right after the moment it observes. */
  const when = async (probe: () => Promise<boolean>, what: string): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };

  beforeAll(async () => {
    const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    env = {
      TEST_DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      WIDGETS_SCHEMA: schema,
    };
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    token = await testToken({ sub: 'u-crash', roles: ['staff'] });
  });

  afterAll(async () => {
    for (const app of running) await app.kill();
    await db?.end();
    await dropTestSchemas([schema, readSchemaFor(schema)]);
  });

  it('a process killed as soon as the effect is stored: the retry returns the first answer, one effect', async () => {
    const first = await start();
    const body = { name: 'after-commit', quantity: 3, lingerMs: 2_000 };
    const answer = order(first, 'crash-after-commit', body).then(
      async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }),
      () => undefined,
    );
    await when(async () => (await events('after-commit')) > 0, 'the order to be stored');
    await first.kill();
    const seen = await answer;

    const second = await start();
    const retry = await order(second, 'crash-after-commit', body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const replayed = (await retry.json()) as Record<string, unknown>;
    expect(replayed).toMatchObject({ name: 'after-commit', version: 0, ordered: 3 });
    // Whether or not the killed process got its answer out, the retry sees that same answer.
    if (seen !== undefined) expect(replayed).toEqual(seen.body);
    expect(await events('after-commit')).toBe(1);
    expect(await claims('crash-after-commit')).toBe(1);
  }, 180_000);

  it('a process killed before its commit leaves no claim and no effect: the retry runs once', async () => {
    const app = await start();
    const body = { name: 'before-commit', quantity: 1, lingerMs: 5_000 };
    void order(app, 'crash-before-commit', body).catch(() => undefined);
    // The order is appended and the request lingers (its transaction open, or already committed).
    const lingering = async (): Promise<boolean> =>
      (await count(
        `select count(*) as n from pg_stat_activity
         where application_name = $1 and state = 'idle in transaction' and datname = current_database()`,
        APP_NAME,
      )) > 0;
    await when(
      async () => (await lingering()) || (await events('before-commit')) > 0,
      'the order to be appended',
    );
    await app.kill();
    expect(await events('before-commit')).toBe(0);
    expect(await claims('crash-before-commit')).toBe(0);

    const next = await start();
    const retry = await order(next, 'crash-before-commit', body);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await events('before-commit')).toBe(1);
  }, 180_000);
});
