import type { QueryRunner } from 'typeorm';
import { qualifiedName, quoteIdent } from '@crm/postgres';
import { ddlStatements, type Projection } from './projection';
import { OLD_SUFFIX, SHADOW_SUFFIX, tableExists } from './projection-sql';

/** Maps logical table names to physical ones for one variant (live or shadow) of a projection. */
export const tableResolver = (projection: Projection, schema: string, suffix: string) => {
  const names = new Map(
    projection.tables.map((table) => [table.name, qualifiedName(schema, `${table.name}${suffix}`)]),
  );
  return (logicalName: string): string => {
    const physical = names.get(logicalName);
    if (physical === undefined) {
      throw new Error(`projection ${projection.name} has no table '${logicalName}'`);
    }
    return physical;
  };
};

export const createTables = async (
  runner: QueryRunner,
  projection: Projection,
  schema: string,
  suffix: string,
): Promise<void> => {
  for (const table of projection.tables) {
    if (await tableExists(runner, schema, `${table.name}${suffix}`)) continue;
    for (const statement of ddlStatements(table, qualifiedName(schema, `${table.name}${suffix}`))) {
      await runner.query(statement);
    }
  }
};

export const dropTables = async (
  runner: QueryRunner,
  projection: Projection,
  schema: string,
  suffix: string,
): Promise<void> => {
  for (const table of projection.tables) {
    await runner.query(`DROP TABLE IF EXISTS ${qualifiedName(schema, `${table.name}${suffix}`)}`);
  }
};

/**
 * Inside the caller's transaction (which holds the live projection's lock): live → __old,
 * shadow → live, drop __old, then give the shadow's indexes the live names so the next rebuild
 * starts from the same names. Readers block only for the instant the renames hold their locks.
 */
export const swapShadowIn = async (
  runner: QueryRunner,
  projection: Projection,
  schema: string,
): Promise<void> => {
  for (const { name } of projection.tables) {
    const old = `${name}${OLD_SUFFIX}`;
    await runner.query(`DROP TABLE IF EXISTS ${qualifiedName(schema, old)}`);
    if (await tableExists(runner, schema, name)) {
      await copyGrants(runner, qualifiedName(schema, name), qualifiedName(schema, `${name}${SHADOW_SUFFIX}`));
      await runner.query(`ALTER TABLE ${qualifiedName(schema, name)} RENAME TO ${quoteIdent(old)}`);
    }
    await runner.query(
      `ALTER TABLE ${qualifiedName(schema, `${name}${SHADOW_SUFFIX}`)} RENAME TO ${quoteIdent(name)}`,
    );
    await runner.query(`DROP TABLE IF EXISTS ${qualifiedName(schema, old)}`);
    await renameShadowIndexes(runner, schema, name);
  }
};

const renameShadowIndexes = async (runner: QueryRunner, schema: string, table: string): Promise<void> => {
  const prefix = `${table}${SHADOW_SUFFIX}`;
  const indexes = (await runner.query(
    `SELECT i.relname AS name
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = to_regclass($1)`,
    [qualifiedName(schema, table)],
  )) as { name: string }[];
  for (const { name } of indexes) {
    if (!name.startsWith(prefix)) continue;
    const target = `${table}${name.slice(prefix.length)}`;
    if (await tableExists(runner, schema, target)) continue;
    await runner.query(`ALTER INDEX ${qualifiedName(schema, name)} RENAME TO ${quoteIdent(target)}`);
  }
};

/**
 * Read models are an interface for analysts through a read-only role (architecture §6); the new
 * table must keep the privileges granted on the one it replaces.
 */
const copyGrants = async (runner: QueryRunner, from: string, to: string): Promise<void> => {
  const grants = (await runner.query(
    `SELECT a.privilege_type AS privilege,
            CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END AS grantee,
            a.is_grantable AS grantable
       FROM pg_class c
            CROSS JOIN LATERAL aclexplode(c.relacl) a
            LEFT JOIN pg_roles r ON r.oid = a.grantee
      WHERE c.oid = to_regclass($1) AND a.grantee <> c.relowner`,
    [from],
  )) as { privilege: string; grantee: string; grantable: boolean }[];
  for (const { privilege, grantee, grantable } of grants) {
    await runner.query(`GRANT ${privilege} ON ${to} TO ${grantee}${grantable ? ' WITH GRANT OPTION' : ''}`);
  }
};
