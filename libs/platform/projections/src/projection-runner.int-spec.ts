import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore, START, type StoredEvent } from '@crm/event-store';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { ProjectionRunner } from './projection-runner';
import { accountProjection, type ApplyFault } from './test-support/account-projection';
import { AccountWorkload, waitUntilVisible } from './test-support/account-workload';
import { accountRows, checkpointRow, eventCounts } from './test-support/read-model-queries';

// Other suites hold transactions open on purpose (gap tests); gap-safe reads wait for them.
jest.setTimeout(180_000);

const suffix = uniqueSuffix();
const schemas: string[] = [];
let pool: Pool;
let db: DataSource;

const freshStore = async (label: string): Promise<PostgresEventStore> => {
  const schema = `proj_es_${label}_${suffix}`;
  schemas.push(schema);
  const store = new PostgresEventStore({ pool, schema });
  await store.migrate();
  return store;
};

const readSchema = (label: string): string => {
  const schema = `proj_rm_${label}_${suffix}`;
  schemas.push(schema);
  return schema;
};

const allEvents = (store: PostgresEventStore): Promise<StoredEvent[]> => store.readAll(START, 100_000);

const HANDLED = new Set(accountProjection().handles);

beforeAll(async () => {
  const url = await requirePostgres();
  pool = new Pool({ connectionString: url, max: 6 });
  db = await new DataSource({ type: 'postgres', url, extra: { max: 10 } }).initialize();
});

afterAll(async () => {
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.destroy();
  await pool.end();
});

describe('ProjectionRunner (real PostgreSQL, PostgresEventStore)', () => {
  it('builds the read model incrementally with its checkpoint in the same transaction', async () => {
    const store = await freshStore('inc');
    const schema = readSchema('inc');
    const work = new AccountWorkload(store, 'inc', 11);
    await work.append(300);
    const runner = new ProjectionRunner({
      dataSource: db,
      store,
      projection: accountProjection(),
      schema,
      batchSize: 40,
      pollIntervalMs: 20,
    });
    await runner.start();
    try {
      await runner.caughtUp();
      expect(await accountRows(db, `${schema}.accounts`)).toEqual(work.expectedAccounts());
      expect(await eventCounts(db, `${schema}.event_counts`)).toEqual(work.expectedCounts());
      const last = (await allEvents(store)).at(-1) as StoredEvent;
      expect(await checkpointRow(db, schema, 'account_summary')).toEqual({
        commit: last.position.commit.toString(),
        prepare: last.position.prepare.toString(),
        version: 1,
      });

      await work.append(60); // while running
      await runner.caughtUp();
      expect(await accountRows(db, `${schema}.accounts`)).toEqual(work.expectedAccounts());
      expect(await eventCounts(db, `${schema}.event_counts`)).toEqual(work.expectedCounts());
      expect(await runner.lag()).toEqual({ events: 0, capped: false, ms: 0 });
      expect(runner.isAlive()).toBe(true);
    } finally {
      await runner.stop();
    }
    expect(runner.isAlive()).toBe(false);
    await work.append(5);
    await waitUntilVisible(store, work.appended.length);
    expect((await runner.lag()).events).toBe(5);
  });

  it.each<ApplyFault['mode']>(['throw', 'kill'])(
    'rolls back effects and checkpoint together when a batch dies mid-way (%s), and a restart applies each event once',
    async (mode) => {
      const store = await freshStore(`crash_${mode}`);
      const schema = readSchema(`crash_${mode}`);
      const work = new AccountWorkload(store, `crash-${mode}`, 23);
      let fault: ApplyFault | undefined;
      const options = { dataSource: db, store, schema, batchSize: 50, pollIntervalMs: 10 };
      const first = new ProjectionRunner({
        ...options,
        projection: accountProjection({ fault: () => fault }),
      });
      await work.append(120);
      await first.start();
      await first.caughtUp();
      await first.stop();

      const before = {
        rows: await accountRows(db, `${schema}.accounts`),
        counts: await eventCounts(db, `${schema}.event_counts`),
        checkpoint: await checkpointRow(db, schema, 'account_summary'),
      };
      await work.append(80);
      await waitUntilVisible(store, work.appended.length);
      const nextBatch = (await store.readAll(first.position(), 50)).filter((event) =>
        HANDLED.has(event.type),
      );
      // Far enough into the batch that earlier events of it have already written their effects.
      fault = { eventId: (nextBatch[20] as StoredEvent).id, mode };
      await expect(first.runOnce()).rejects.toThrow();

      expect(await accountRows(db, `${schema}.accounts`)).toEqual(before.rows);
      expect(await eventCounts(db, `${schema}.event_counts`)).toEqual(before.counts);
      expect(await checkpointRow(db, schema, 'account_summary')).toEqual(before.checkpoint);

      // "Restart": a new runner (a new process) over the same tables and checkpoint.
      fault = undefined;
      const restarted = new ProjectionRunner({ ...options, projection: accountProjection() });
      await restarted.start();
      try {
        await restarted.caughtUp();
      } finally {
        await restarted.stop();
      }
      expect(await accountRows(db, `${schema}.accounts`)).toEqual(work.expectedAccounts());
      expect(await eventCounts(db, `${schema}.event_counts`)).toEqual(work.expectedCounts());
    },
  );

  it('refuses to apply the same batch twice', async () => {
    const store = await freshStore('twice');
    const schema = readSchema('twice');
    const work = new AccountWorkload(store, 'twice', 5);
    await work.append(80);
    const runner = new ProjectionRunner({ dataSource: db, store, projection: accountProjection(), schema });
    await runner.prepare();
    await waitUntilVisible(store, work.appended.length);
    const batch = await allEvents(store);
    expect(batch).toHaveLength(80);
    expect(await runner.applyBatch(START, batch)).toBe('applied');
    expect(await runner.applyBatch(START, batch)).toBe('stale');
    expect(await runner.runOnce()).toBe(0);
    // A second runner instance still holding the old position cannot apply it either.
    const replica = new ProjectionRunner({ dataSource: db, store, projection: accountProjection(), schema });
    expect(await replica.applyBatch(START, batch)).toBe('stale');

    expect(await accountRows(db, `${schema}.accounts`)).toEqual(work.expectedAccounts());
    expect(await eventCounts(db, `${schema}.event_counts`)).toEqual(work.expectedCounts());
  });

  it('lets several replicas run the same projection without double-applying', async () => {
    const store = await freshStore('replicas');
    const schema = readSchema('replicas');
    const work = new AccountWorkload(store, 'replicas', 31);
    await work.append(100);
    const replicas = [0, 1, 2].map(
      () =>
        new ProjectionRunner({
          dataSource: db,
          store,
          projection: accountProjection(),
          schema,
          batchSize: 7,
          pollIntervalMs: 5,
        }),
    );
    await Promise.all(replicas.map((replica) => replica.start()));
    try {
      await work.append(150);
      await Promise.all(replicas.map((replica) => replica.caughtUp()));
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
    expect(await eventCounts(db, `${schema}.event_counts`)).toEqual(work.expectedCounts());
    expect(await accountRows(db, `${schema}.accounts`)).toEqual(work.expectedAccounts());
  });
});
