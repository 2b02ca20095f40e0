import { DataSource } from 'typeorm';

/**
 * TypeORM connection for projections (architecture §6: read models are written with TypeORM). Kept
 * small: projections run their own transactions through it, queries use the platform's pg pool.
 */
export const createReadModelDataSource = async (
  databaseUrl: string,
  applicationName: string,
  idleInTransactionTimeoutMs = 60_000,
  poolMax = 2,
): Promise<DataSource> => {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    applicationName,
    extra: { max: poolMax, idle_in_transaction_session_timeout: idleInTransactionTimeoutMs },
    synchronize: false,
    logging: false,
  });
  return dataSource.initialize();
};
