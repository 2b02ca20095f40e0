import type { StoredEvent } from '@crm/event-store';
import type { EntityManager } from 'typeorm';

/**
 * A read-model table. The DDL takes the physical, schema-qualified name because the same table
 * is created under a shadow name during a rebuild. Leave index and constraint names out
 * (`CREATE INDEX ON ${t} (col)`): PostgreSQL names them per table, and the swap renames the
 * shadow's indexes back to the live table's names.
 */
export interface ProjectionTable {
  readonly name: string;
  readonly ddl: (tableName: string) => string | readonly string[];
}

export interface ProjectionContext {
  /** Bound to the batch's transaction: effects and checkpoint commit or roll back together. */
  readonly manager: EntityManager;
  /** Physical, quoted, schema-qualified name of a logical table (live or shadow). */
  table(logicalName: string): string;
}

/**
 * One read model (architecture §6). The runner guarantees each event is applied once per
 * checkpoint advance; `apply` should still be an idempotent upsert (e.g. guarded by the stream
 * version) so that a mistake elsewhere cannot double-count.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the table shape or the meaning of `apply` changes: the runner then rebuilds. */
  readonly version: number;
  readonly tables: readonly ProjectionTable[];
  /** Event types `apply` is called for; other events only advance the checkpoint. */
  readonly handles: readonly string[];
  apply(event: StoredEvent, ctx: ProjectionContext): Promise<void>;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
// PostgreSQL truncates identifiers at 63 bytes; the longest derived name adds '__shadow_pkey'.
const MAX_TABLE_NAME = 63 - '__shadow_pkey'.length;

/** Checks a projection's names once, at definition time, instead of failing mid-rebuild. */
export const defineProjection = (projection: Projection): Projection => {
  if (!IDENT.test(projection.name))
    throw new Error(`projection name '${projection.name}' must be snake_case`);
  if (!Number.isInteger(projection.version) || projection.version < 1) {
    throw new Error(`projection ${projection.name}: version must be a positive integer`);
  }
  if (projection.tables.length === 0) throw new Error(`projection ${projection.name}: no tables`);
  const seen = new Set<string>();
  for (const table of projection.tables) {
    if (!IDENT.test(table.name) || table.name.length > MAX_TABLE_NAME || table.name.includes('__')) {
      throw new Error(
        `projection ${projection.name}: table '${table.name}' must be snake_case, without '__', at most ${MAX_TABLE_NAME} chars`,
      );
    }
    if (seen.has(table.name)) throw new Error(`projection ${projection.name}: table '${table.name}' twice`);
    seen.add(table.name);
  }
  return projection;
};

export const ddlStatements = (table: ProjectionTable, physicalName: string): readonly string[] => {
  const ddl = table.ddl(physicalName);
  return typeof ddl === 'string' ? [ddl] : ddl;
};
