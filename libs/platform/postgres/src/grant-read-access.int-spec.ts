import { Pool } from 'pg';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { grantReadAccess } from './grant-read-access';

describe('grantReadAccess (real PostgreSQL)', () => {
  let pool: Pool;
  const suffix = uniqueSuffix();
  const schema = `grant_read_${suffix}`;
  const role = `grant_reader_${suffix}`;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await requirePostgres(), max: 2 });
    await pool.query(`create schema ${schema}`);
    await pool.query(`create table ${schema}.existing (id int)`);
    await pool.query(`create role ${role} nologin`);
  });

  afterAll(async () => {
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.query(`drop owned by ${role}`).catch(() => undefined);
    await pool.query(`drop role if exists ${role}`);
    await pool.end();
  });

  const can = async (table: string, privilege: string): Promise<boolean> =>
    (
      await pool.query<{ ok: boolean }>(`select has_table_privilege($1, $2, $3) as ok`, [
        role,
        `${schema}.${table}`,
        privilege,
      ])
    ).rows[0]?.ok === true;

  it('lets the role read existing and later tables of the schema, and never write', async () => {
    expect(await can('existing', 'SELECT')).toBe(false);
    expect(await grantReadAccess(pool, schema, role)).toBe('granted');
    expect(await grantReadAccess(pool, schema, role)).toBe('granted'); // idempotent
    await pool.query(`create table ${schema}.created_later (id int)`);
    for (const table of ['existing', 'created_later']) {
      expect(await can(table, 'SELECT')).toBe(true);
      expect(await can(table, 'INSERT')).toBe(false);
      expect(await can(table, 'UPDATE')).toBe(false);
      expect(await can(table, 'DELETE')).toBe(false);
    }
  });

  it('reports a role that does not exist instead of failing', async () => {
    expect(await grantReadAccess(pool, schema, `nobody_${suffix}`)).toBe('no_such_role');
  });
});
