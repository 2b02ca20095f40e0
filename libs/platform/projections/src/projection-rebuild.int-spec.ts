import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@crm/event-store';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { RebuildInProgressError } from './projection-rebuild';
import { ProjectionRunner } from './projection-runner';
import { accountProjection } from './test-support/account-projection';
import { AccountWorkload } from './test-support/account-workload';
import { accountRows, checkpointRow, eventCounts } from './test-support/read-model-queries';

// Other suites hold transactions open on purpose (gap tests); gap-safe reads wait for them.
jest.setTimeout(180_000);

const suffix = uniqueSuffix();
const storeSchema = `rebuild_es_${suffix}`;
const live = `rebuild_live_${suffix}`;
const reference = `rebuild_ref_${suffix}`;
const analyst = `rebuild_analyst_${suffix}`;

let pool: Pool;
let db: DataSource;
let store: PostgresEventStore;
let work: AccountWorkload;
let liveRunner: ProjectionRunner;
let referenceRunner: ProjectionRunner;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The live runner polls slowly on purpose: at the swap it is then behind the shadow, so a swap
 * that did not hand the shadow's checkpoint to the live projection would double-apply (and the
 * non-idempotent event_counts table would show it).
 */
const runner = (schema: string, version = 1, pollIntervalMs = schema === live ? 200 : 10): ProjectionRunner =>
  new ProjectionRunner({
    dataSource: db,
    store,
    projection: accountProjection({ version }),
    schema,
    batchSize: 50,
    pollIntervalMs,
  });

const catchUpBoth = async (): Promise<void> => {
  await Promise.all([liveRunner.caughtUp(), referenceRunner.caughtUp()]);
};

/** Full row sets, ordered: the rebuilt tables must equal the incrementally built ones and the model. */
const expectIdenticalReadModels = async (): Promise<void> => {
  const rebuilt = await accountRows(db, `${live}.accounts`);
  expect(rebuilt).toEqual(await accountRows(db, `${reference}.accounts`));
  expect(rebuilt).toEqual(work.expectedAccounts());
  const counts = await eventCounts(db, `${live}.event_counts`);
  expect(counts).toEqual(await eventCounts(db, `${reference}.event_counts`));
  expect(counts).toEqual(work.expectedCounts());
};

const relations = async (schema: string): Promise<string[]> =>
  (
    (await db.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 ORDER BY c.relname`,
      [schema],
    )) as { name: string }[]
  ).map((row) => row.name);

const tableOid = async (table: string): Promise<number> =>
  ((await db.query(`SELECT to_regclass($1)::oid::int AS oid`, [table])) as { oid: number }[])[0]?.oid ?? 0;

beforeAll(async () => {
  const url = await requirePostgres();
  pool = new Pool({ connectionString: url, max: 6 });
  db = await new DataSource({ type: 'postgres', url, extra: { max: 12 } }).initialize();
  store = new PostgresEventStore({ pool, schema: storeSchema });
  await store.migrate();
  work = new AccountWorkload(store, 'rb', 97);
  await work.append(800);
  liveRunner = runner(live);
  referenceRunner = runner(reference);
  await Promise.all([liveRunner.start(), referenceRunner.start()]);
  await catchUpBoth();
});

afterAll(async () => {
  await Promise.all([liveRunner.stop(), referenceRunner.stop()]);
  for (const schema of [live, reference, storeSchema])
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const role = await pool.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [analyst]);
  if (role.rowCount === 1) {
    await pool.query(`DROP OWNED BY ${analyst}`);
    await pool.query(`DROP ROLE ${analyst}`);
  }
  await db.destroy();
  await pool.end();
});

describe('rebuild into shadow tables and swap, while serving (real PostgreSQL)', () => {
  it('produces tables equal to the incrementally built ones while events keep arriving and queries keep working', async () => {
    await expectIdenticalReadModels();
    // Damage the live tables: only a genuine replay from position 0 can repair them.
    await db.query(`UPDATE ${live}.accounts SET balance = -1, name = 'corrupted'`);
    await db.query(`DELETE FROM ${live}.event_counts WHERE type = 'Deposited'`);
    const oidBefore = await tableOid(`${live}.accounts`);
    await db.query(`CREATE ROLE ${analyst} NOLOGIN`);
    await db.query(`GRANT USAGE ON SCHEMA ${live} TO ${analyst}`);
    await db.query(`GRANT SELECT ON ${live}.accounts, ${live}.event_counts TO ${analyst}`);

    let writing = true;
    let appendedDuringRebuild = 0;
    let rebuilding = true;
    const writer = (async () => {
      while (writing) {
        await work.append(3);
        if (rebuilding) appendedDuringRebuild += 3;
        await sleep(5);
      }
    })();

    const queries = { total: 0, duringRebuild: 0, emptyResults: 0, errors: [] as unknown[] };
    let reading = true;
    const reader = (async () => {
      while (reading) {
        try {
          const [row] = (await db.query(
            `SELECT count(*)::int AS n FROM ${live}.accounts a
               JOIN ${live}.event_counts c ON c.type = 'AccountOpened'`,
          )) as { n: number }[];
          queries.total += 1;
          if (rebuilding) queries.duringRebuild += 1;
          if ((row?.n ?? 0) === 0) queries.emptyResults += 1;
        } catch (error) {
          queries.errors.push(error);
        }
        await sleep(1);
      }
    })();

    const result = await liveRunner.rebuild({ batchSize: 20 });
    rebuilding = false;
    writing = false;
    await writer;
    await sleep(50);
    reading = false;
    await reader;

    expect(appendedDuringRebuild).toBeGreaterThan(0);
    expect(result.eventsRead).toBeGreaterThanOrEqual(800);
    expect(queries.errors).toEqual([]);
    expect(queries.emptyResults).toBe(0);
    expect(queries.duringRebuild).toBeGreaterThan(10);

    await catchUpBoth();
    await expectIdenticalReadModels();

    expect(await tableOid(`${live}.accounts`)).not.toBe(oidBefore);
    const [grants] = (await db.query(
      `SELECT has_table_privilege($1, $2, 'SELECT') AS reads, has_table_privilege($1, $2, 'INSERT') AS writes`,
      [analyst, `${live}.accounts`],
    )) as { reads: boolean; writes: boolean }[];
    expect(grants).toEqual({ reads: true, writes: false });
    expect(await checkpointRow(db, live, 'account_summary__shadow')).toBeUndefined();
    expect((await relations(live)).filter((name) => name.includes('__'))).toEqual([]);
  });

  it('keeps index names stable across rebuilds and refuses a second concurrent rebuild', async () => {
    const indexesBefore = (await relations(live)).filter(
      (name) => name.endsWith('_idx') || name.endsWith('_pkey'),
    );
    expect(indexesBefore).toEqual([
      'accounts_name_idx',
      'accounts_pkey',
      'event_counts_pkey',
      'projection_checkpoints_pkey',
    ]);

    const outcomes = await Promise.allSettled([liveRunner.rebuild(), liveRunner.rebuild()]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(refused?.status === 'rejected' ? refused.reason : undefined).toBeInstanceOf(
      RebuildInProgressError,
    );

    const indexesAfter = (await relations(live)).filter(
      (name) => name.endsWith('_idx') || name.endsWith('_pkey'),
    );
    expect(indexesAfter).toEqual(indexesBefore);
    await work.append(30);
    await catchUpBoth();
    await expectIdenticalReadModels();
  });

  it('rebuilds on start when the projection version was bumped, and old code then refuses to run', async () => {
    await liveRunner.stop();
    liveRunner = runner(live, 2);
    await liveRunner.start();
    await work.append(20);
    await catchUpBoth();
    expect((await checkpointRow(db, live, 'account_summary'))?.version).toBe(2);
    await expectIdenticalReadModels();
    await expect(runner(live, 1).prepare()).rejects.toThrow(/version 2/);
  });
});
