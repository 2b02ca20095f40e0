import { Pool } from 'pg';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { WrongExpectedVersionError } from './errors';
import { InMemoryEventStore } from './in-memory/in-memory-event-store';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { newEvent, streamName } from './testing';
import { SharedTransaction, withSharedTransaction } from './shared-transaction';
import { runUnitOfWork } from './unit-of-work';

describe('runUnitOfWork (real PostgreSQL)', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const schema = `es_uow_${uniqueSuffix()}`;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await requirePostgres(), max: 4 });
    store = new PostgresEventStore({ pool, schema });
    await store.migrate();
    await pool.query(`create table ${schema}.side_rows (id text primary key)`);
  });

  afterAll(async () => {
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.end();
  });

  const sideRows = async (id: string): Promise<number> =>
    (await pool.query(`select 1 from ${schema}.side_rows where id = $1`, [id])).rowCount ?? 0;

  it('commits appends to several streams and other rows together', async () => {
    const [a, b] = [streamName('uow-a'), streamName('uow-b')];
    await runUnitOfWork(store, pool, async ({ append, db }) => {
      await append(a, [newEvent('First')], 'no_stream');
      await db.query(`insert into ${schema}.side_rows (id) values ($1)`, [a]);
      await append(b, [newEvent('Second')], 'no_stream');
    });
    expect(await store.streamVersion(a)).toBe(0);
    expect(await store.streamVersion(b)).toBe(0);
    expect(await sideRows(a)).toBe(1);
  });

  it('leaves nothing behind when a later append conflicts', async () => {
    const [a, taken] = [streamName('uow-a'), streamName('uow-taken')];
    await store.append(taken, [newEvent('Existing')], 'no_stream');
    await expect(
      runUnitOfWork(store, pool, async ({ append, db }) => {
        await append(a, [newEvent('First')], 'no_stream');
        await db.query(`insert into ${schema}.side_rows (id) values ($1)`, [a]);
        await append(taken, [newEvent('Second')], 'no_stream');
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.streamVersion(a)).toBe(-1);
    expect(await sideRows(a)).toBe(0);
    expect(await store.streamVersion(taken)).toBe(0);
  });

  it('runs the steps in order on an adapter without transactions', async () => {
    const memory = new InMemoryEventStore();
    const a = streamName('uow-mem');
    await runUnitOfWork(memory, pool, async ({ append }) => {
      await append(a, [newEvent('First')], 'no_stream');
      await append(a, [newEvent('Second')], 0);
    });
    expect(await memory.streamVersion(a)).toBe(1);
  });

  describe('inside a shared transaction', () => {
    it('units join it: nothing is visible until its commit, later reads see earlier units', async () => {
      const a = streamName('shared-a');
      const shared = new SharedTransaction(pool);
      await withSharedTransaction(shared, async () => {
        await runUnitOfWork(store, pool, ({ append }) => append(a, [newEvent('First')], 'no_stream'));
        expect(await store.streamVersion(a)).toBe(-1); // another connection: not committed yet
        const seen: string[] = [];
        for await (const event of store.readStream(a)) seen.push(event.type);
        expect(seen).toEqual(['First']); // the request itself reads its own write
        await runUnitOfWork(store, pool, ({ append }) => append(a, [newEvent('Second')], 0));
      });
      await shared.commit(async () => undefined);
      expect(await store.streamVersion(a)).toBe(1);
    });

    it("a failing unit undoes only its own writes; the owner's rollback undoes everything", async () => {
      const [a, b, taken] = [streamName('shared-a'), streamName('shared-b'), streamName('shared-taken')];
      await store.append(taken, [newEvent('Existing')], 'no_stream');
      const shared = new SharedTransaction(pool);
      await withSharedTransaction(shared, async () => {
        await runUnitOfWork(store, pool, ({ append }) => append(a, [newEvent('First')], 'no_stream'));
        await expect(
          runUnitOfWork(store, pool, async ({ append, db }) => {
            await db.query(`insert into ${schema}.side_rows (id) values ($1)`, [b]);
            await append(taken, [newEvent('Second')], 'no_stream');
          }),
        ).rejects.toBeInstanceOf(WrongExpectedVersionError);
      });
      await shared.commit(async (client) => {
        expect((await client.query(`select 1 from ${schema}.side_rows where id = $1`, [b])).rowCount).toBe(0);
      });
      expect(await store.streamVersion(a)).toBe(0);

      const c = streamName('shared-c');
      const abandoned = new SharedTransaction(pool);
      await withSharedTransaction(abandoned, () =>
        runUnitOfWork(store, pool, ({ append }) => append(c, [newEvent('Lost')], 'no_stream')),
      );
      await abandoned.rollback();
      expect(await store.streamVersion(c)).toBe(-1);
    });
  });
});
