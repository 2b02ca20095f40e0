import type { QueryConfig, QueryResult, QueryResultRow } from 'pg';

/** A pg.Pool, or a client the caller already opened a transaction on. */
export interface SqlRunner {
  query<R extends QueryResultRow = QueryResultRow>(config: QueryConfig<unknown[]>): Promise<QueryResult<R>>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema name is interpolated into SQL text, so it is held to a plain lower-case identifier. */
export const quoteSchema = (schema: string): string => {
  if (!IDENTIFIER.test(schema)) throw new TypeError(`invalid schema name '${schema}' (use [a-z_][a-z0-9_]*)`);
  return `"${schema}"`;
};

export const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
