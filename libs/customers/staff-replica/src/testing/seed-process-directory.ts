import { Pool } from 'pg';
import type { TokenClaims } from '@crm/nest';
import { testDatabaseUrl } from '@crm/testing';
import { joinDirectoryOverHttp } from './join-directory-over-http';
import { memberFromClaims, seedStaffReplica } from './seed-staff-members';

/**
 * Cross-process tests only: once a service process has started, makes the people of the test's
 * tokens known to it. The customers process learns them through its API (it owns the directory);
 * any other process gets them written straight into its staff replica (`<schema>_read`), so a test
 * that runs no customers process still has a directory.
 */
export const seedProcessDirectory = async (
  service: string,
  process: { readonly baseUrl: string; readonly schema: string },
  people: readonly TokenClaims[],
  jwtSecret: string,
): Promise<void> => {
  if (service === 'customers') {
    await joinDirectoryOverHttp({ customersUrl: process.baseUrl, replicaUrls: [], jwtSecret, people });
    return;
  }
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  try {
    await seedStaffReplica(pool, `${process.schema}_read`, people.map(memberFromClaims));
  } finally {
    await pool.end();
  }
};
