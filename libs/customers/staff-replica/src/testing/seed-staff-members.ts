import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@crm/nest';
import type { StaffMember } from '../staff-directory';
import { STAFF_REPLICA_OPTIONS, type StaffReplicaOptions } from '../staff-replica.options';
import { staffReplicaTable } from '../staff-replica.table';

/** A member to seed: who and where; posts default to `['staff']`, status to `active`. */
export type SeededMember = Pick<StaffMember, 'employeeId' | 'bu'> & Partial<StaffMember>;

/** Far enough back that tests running on a fixed past clock still find the member. */
const SEEDED_FROM = new Date('2000-01-01T00:00:00Z');

/**
 * Tests only: puts members straight into a host's staff replica (as if the customers topic had
 * told it), replacing what the replica held for them. Version -1, so real staff facts of the same
 * member (version ≥ 1) still apply on top.
 */
export const seedStaffMembers = async (
  app: INestApplicationContext,
  members: readonly SeededMember[],
): Promise<void> => {
  const pool = app.get<Pool>(PG_POOL);
  const { readSchema } = app.get<StaffReplicaOptions>(STAFF_REPLICA_OPTIONS);
  const table = staffReplicaTable(readSchema);
  for (const m of members) {
    await pool.query(`delete from ${table} where employee_id = $1`, [m.employeeId]);
    await pool.query(
      `insert into ${table}
         (employee_id, event_version, event_id, valid_from, bu, status, display_name, posts, email)
       values ($1, -1, 'seeded', $2, $3, $4, $5, $6, $7)`,
      [
        m.employeeId,
        SEEDED_FROM,
        m.bu,
        m.status ?? 'active',
        m.displayName ?? m.employeeId,
        m.posts ?? ['staff'],
        m.email ?? null,
      ],
    );
  }
};
