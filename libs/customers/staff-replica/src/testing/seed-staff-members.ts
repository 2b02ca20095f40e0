import type { INestApplicationContext } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL, type TokenClaims } from '@crm/nest';
import type { StaffMember } from '../staff-directory';
import { STAFF_REPLICA_OPTIONS, type StaffReplicaOptions } from '../staff-replica.options';
import { staffReplicaTable } from '../staff-replica.table';
import { HEAD_OFFICE_UNIT } from '../replica-actor-directory';

/** A member to seed: who and where; posts default to `['staff']`, status to `active`. */
export type SeededMember = Pick<StaffMember, 'employeeId' | 'bu'> & Partial<StaffMember>;

/**
 * The member a test token speaks for: its BU (the head office without one) and its roles as posts.
 * Test apps seed it before handing the token out, so the platform's actor check knows the person.
 */
export const memberFromClaims = (
  claims: Pick<TokenClaims, 'sub' | 'roles' | 'bu' | 'name'>,
): SeededMember => ({
  employeeId: claims.sub,
  bu: claims.bu ?? HEAD_OFFICE_UNIT,
  posts: claims.roles,
  ...(claims.name !== undefined ? { displayName: claims.name } : {}),
});

/** Far enough back that tests running on a fixed past clock still find the member. */
const SEEDED_FROM = new Date('2000-01-01T00:00:00Z');

/**
 * Tests only: puts members straight into a host's staff replica (as if the customers topic had
 * told it), replacing what the replica held for them. Version -1, so real staff facts of the same
 * member (version ≥ 1) still apply on top.
 */
export const seedStaffMembers = (
  app: INestApplicationContext,
  members: readonly SeededMember[],
): Promise<void> =>
  seedStaffReplica(
    app.get<Pool>(PG_POOL),
    app.get<StaffReplicaOptions>(STAFF_REPLICA_OPTIONS).readSchema,
    members,
  );

/** {@link seedStaffMembers} for a host running in another process: its pool and read schema. */
export const seedStaffReplica = async (
  pool: Pool,
  readSchema: string,
  members: readonly SeededMember[],
): Promise<void> => {
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
