import type { Pool } from 'pg';
import type { ActorDirectory, DirectoryActor } from '@crm/nest';
import type { StaffDirectory } from './staff-directory';
import { staffReplicaTable } from './staff-replica.table';

/** The head-office unit's id in the directory (its people act for no BU). */
export const HEAD_OFFICE_UNIT = 'hq';

/** The platform's actor check over this service's staff replica. */
export class ReplicaActorDirectory implements ActorDirectory {
  private readonly table: string;

  constructor(
    private readonly staff: StaffDirectory,
    private readonly pool: Pool,
    readSchema: string,
  ) {
    this.table = staffReplicaTable(readSchema);
  }

  async actor(employeeId: string): Promise<DirectoryActor | undefined> {
    const member = await this.staff.member(employeeId);
    if (member === undefined) return undefined;
    return {
      unit: member.bu,
      bu: member.bu === HEAD_OFFICE_UNIT ? undefined : member.bu,
      status: member.status,
    };
  }

  async isEmpty(): Promise<boolean> {
    const { rows } = await this.pool.query<{ any: boolean }>(
      `select exists (select 1 from ${this.table}) as any`,
    );
    return rows[0]?.any !== true;
  }
}
