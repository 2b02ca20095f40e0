import type { ActorDirectory, DirectoryActor } from '@crm/nest';
import { loadStream, type EventStore } from '@crm/event-store';
import { employeeDecider, employeeStreamId, HEAD_OFFICE_BU } from '@crm/customers-domain';
import type { StaffDirectoryReader } from '../projections/staff-directory.reader';

/**
 * The platform's actor check in the customers service, which owns the directory: the employee's
 * own stream answers, so someone who joined a moment ago may act at once (no projection lag).
 */
export class EmployeeActorDirectory implements ActorDirectory {
  constructor(
    private readonly store: EventStore,
    private readonly staff: StaffDirectoryReader,
  ) {}

  async actor(employeeId: string): Promise<DirectoryActor | undefined> {
    const { state } = await loadStream(
      this.store,
      employeeStreamId(employeeId),
      employeeDecider.evolve,
      employeeDecider.initialState(),
    );
    if (state.status === 'unknown') return undefined;
    return { unit: state.bu, bu: state.bu === HEAD_OFFICE_BU ? undefined : state.bu, status: state.status };
  }

  /** Read from the projection: the bootstrap window closes once the first join is projected. */
  isEmpty(): Promise<boolean> {
    return this.staff.isEmpty();
  }
}
