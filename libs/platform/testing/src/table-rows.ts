import type { Pool } from 'pg';

/** Every row of a table as JSON, sorted: what a rebuilt read model must reproduce exactly. */
export const tableRows = async (pool: Pool, schema: string, table: string): Promise<string[]> =>
  (await pool.query(`SELECT * FROM "${schema}"."${table}"`)).rows.map((row) => JSON.stringify(row)).sort();
