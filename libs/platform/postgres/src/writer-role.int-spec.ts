import { Pool } from 'pg';
import { dropTestSchemas, requirePostgres, uniqueSuffix } from '@crm/testing';
import { connectionUrlAs, prepareWriterRole, writerRoleFor } from './writer-role';

describe('prepareWriterRole (real PostgreSQL)', () => {
  const suffix = uniqueSuffix();
  const schema = `writer_role_${suffix}`;
  const readSchema = `${schema}_read`;
  const role = writerRoleFor('writer-role-test');
  const other = writerRoleFor('writer-role-other');
  let url: string;
  let admin: Pool;

  beforeAll(async () => {
    url = await requirePostgres();
    admin = new Pool({ connectionString: url, max: 4 });
    // As an earlier version left it: tables (with a serial) created by the administrator.
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.events (position bigserial primary key, body text)`);
  });

  afterAll(async () => {
    await dropTestSchemas([schema, readSchema]);
    await admin.end();
  });

  const ownerOf = async (relation: string): Promise<string | undefined> =>
    (
      await admin.query<{ owner: string }>(
        `select pg_get_userbyid(relowner) as owner from pg_class where oid = $1::regclass`,
        [relation],
      )
    ).rows[0]?.owner;

  it('names the role after the service', () => {
    expect(writerRoleFor('test-widgets')).toBe('crm_test_widgets_writer');
  });

  it('hands the service its schemas and what is in them, concurrently and repeatedly', async () => {
    const outcomes = await Promise.all([
      prepareWriterRole(admin, role, [schema, readSchema]),
      prepareWriterRole(admin, role, [readSchema, schema]),
    ]);
    expect(outcomes).toEqual(['prepared', 'prepared']);
    expect(await prepareWriterRole(admin, role, [schema, readSchema])).toBe('prepared');
    expect(await ownerOf(`${schema}.events`)).toBe(role);
    expect(await ownerOf(`${schema}.events_position_seq`)).toBe(role);
    const schemaOwners = await admin.query<{ nspname: string; owner: string }>(
      `select nspname, pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = any($1) order by 1`,
      [[schema, readSchema]],
    );
    expect(schemaOwners.rows).toEqual([
      { nspname: schema, owner: role },
      { nspname: readSchema, owner: role },
    ]);
  });

  it('lets the role log in and write its store, and no other service role', async () => {
    await prepareWriterRole(admin, other, [`${schema}_other`]);
    const asWriter = new Pool({ connectionString: connectionUrlAs(url, role), max: 1 });
    const asOther = new Pool({ connectionString: connectionUrlAs(url, other), max: 1 });
    try {
      expect(await prepareWriterRole(asWriter, role, [schema])).toBe('already-connected-as-role');
      await asWriter.query(`insert into ${schema}.events (body) values ('mine')`);
      await asWriter.query(`create table ${readSchema}.later (id int)`);
      await expect(
        asOther.query(`insert into ${schema}.events (body) values ('theirs')`),
      ).rejects.toMatchObject({
        code: '42501',
      });
    } finally {
      await asWriter.end();
      await asOther.end();
      await dropTestSchemas([`${schema}_other`]);
    }
  });
});
