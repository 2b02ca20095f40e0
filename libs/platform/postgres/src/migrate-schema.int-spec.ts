import { Pool } from 'pg';
import { dropTestSchemas, eventually, requirePostgres, testDatabaseUrl, uniqueSuffix } from '@crm/testing';
import { ensureSchema, migrateSchema } from './migrate-schema';
import { qualifiedName } from './quote-ident';
import { withTransaction } from './with-transaction';

const suffix = uniqueSuffix();
const created: string[] = [];
const freshSchema = (label: string): string => {
  const schema = `pgmig_${label}_${suffix}`;
  created.push(schema);
  return schema;
};

let pool: Pool;

beforeAll(async () => {
  await requirePostgres();
  pool = new Pool({ connectionString: testDatabaseUrl(), max: 12 });
});

afterAll(async () => {
  await pool.end();
  await dropTestSchemas(created);
});

const tablesOf = async (schema: string): Promise<string[]> =>
  (
    await pool.query<{ table_name: string }>(
      'select table_name from information_schema.tables where table_schema = $1 order by table_name',
      [schema],
    )
  ).rows.map((r) => r.table_name);

const schemaExists = async (schema: string): Promise<boolean> =>
  (await pool.query('select 1 from pg_namespace where nspname = $1', [schema])).rowCount === 1;

/** Opens the connections up front so the migrations below start together rather than one by one. */
const warmUp = async (connections: number): Promise<void> => {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const client of clients) client.release();
};

/** Whether some other backend is waiting for an advisory lock right now. */
const someoneWaitsForAdvisoryLock = async (): Promise<true | undefined> => {
  const waiting = await pool.query(
    `select 1 from pg_locks where locktype = 'advisory' and not granted and database = (
       select oid from pg_database where datname = current_database())`,
  );
  return (waiting.rowCount ?? 0) > 0 ? true : undefined;
};

describe('migrateSchema', () => {
  it('lets 8 concurrent migrators with different DDL create one fresh schema without a collision', async () => {
    const schema = freshSchema('race');
    const migrators = Array.from(
      { length: 8 },
      (_, i) => () =>
        migrateSchema(pool, schema, async (client) => {
          await client.query(
            `create table if not exists ${qualifiedName(schema, `t${i}`)} (id int primary key)`,
          );
          await client.query(
            `create index if not exists ${`t${i}_created`} on ${qualifiedName(schema, `t${i}`)} (id)`,
          );
        }),
    );
    await warmUp(8);

    const results = await Promise.allSettled(migrators.map((migrate) => migrate()));

    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await tablesOf(schema)).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7']);
    // A second boot over the existing schema is a no-op that succeeds.
    await Promise.all(migrators.map((migrate) => migrate()));
    expect(await tablesOf(schema)).toHaveLength(8);
  });

  it('rolls back the schema and every statement when the DDL fails, and rethrows its error', async () => {
    const schema = freshSchema('fail');

    await expect(
      migrateSchema(pool, schema, async (client) => {
        await client.query(`create table ${qualifiedName(schema, 'kept_if_committed')} (id int)`);
        await client.query(`create table ${qualifiedName(schema, 'broken')} (id no_such_type)`);
      }),
    ).rejects.toMatchObject({ code: '42704' });

    expect(await schemaExists(schema)).toBe(false);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('refuses a schema name that is not a plain identifier before running any DDL', async () => {
    const ddl = jest.fn(async () => undefined);

    await expect(migrateSchema(pool, 'bad"; drop schema public; --', ddl)).rejects.toThrow(TypeError);

    expect(ddl).not.toHaveBeenCalled();
  });

  it('waits for another transaction that holds the same schema lock through ensureSchema', async () => {
    const schema = freshSchema('shared');
    let migration: Promise<void> | undefined;

    await withTransaction(pool, async (holder) => {
      await ensureSchema(holder, schema);
      migration = migrateSchema(pool, schema, async (client) => {
        // Only visible once the holder has committed: proves the migration ran after it.
        await client.query(`insert into ${qualifiedName(schema, 'made_by_holder')} values (1)`);
      });
      await eventually(someoneWaitsForAdvisoryLock, 'the migration to wait for the schema lock', 10_000, 20);
      await holder.query(`create table ${qualifiedName(schema, 'made_by_holder')} (id int)`);
    });
    await migration;

    const rows = await pool.query(`select id from ${qualifiedName(schema, 'made_by_holder')}`);
    expect(rows.rows).toEqual([{ id: 1 }]);
  });

  it('does not hold up a migration of another schema', async () => {
    const busy = freshSchema('busy');
    const other = freshSchema('other');

    await withTransaction(pool, async (holder) => {
      await ensureSchema(holder, busy);
      await migrateSchema(pool, other, async (client) => {
        await client.query(`create table ${qualifiedName(other, 'ok')} (id int)`);
      });
    });

    expect(await tablesOf(other)).toEqual(['ok']);
  });
});

describe('withTransaction', () => {
  it('commits and returns what the work returned', async () => {
    const schema = freshSchema('tx');
    await migrateSchema(pool, schema, async (client) => {
      await client.query(`create table ${qualifiedName(schema, 'items')} (id int primary key)`);
    });
    const table = qualifiedName(schema, 'items');

    const result = await withTransaction(pool, async (client) => {
      await client.query(`insert into ${table} values (1), (2)`);
      return 'done';
    });

    expect(result).toBe('done');
    expect((await pool.query(`select count(*)::int as n from ${table}`)).rows).toEqual([{ n: 2 }]);

    const failure = new Error('work failed');
    await expect(
      withTransaction(pool, async (client) => {
        await client.query(`insert into ${table} values (3)`);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await pool.query(`select count(*)::int as n from ${table}`)).rows).toEqual([{ n: 2 }]);
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it('reports the original error when the connection dies and the rollback fails too, without an unhandled error event', async () => {
    const own = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      let pid = 0;
      await expect(
        withTransaction(own, async (client) => {
          pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0;
          // Kills this very connection: the statement fails, and so must the rollback after it.
          await client.query('select pg_terminate_backend(pg_backend_pid())');
        }),
      ).rejects.toMatchObject({ code: '57P01' });

      expect(own.totalCount).toBe(0);
      const next = await own.query<{ pid: number }>('select pg_backend_pid() as pid');
      expect(next.rows[0]?.pid).not.toBe(pid);
    } finally {
      await own.end();
    }
  });
});
