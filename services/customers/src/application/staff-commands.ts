import { deterministicUuid, type CommandContext } from '@crm/event-sourcing';
import { handleCommand, loadStream, type EventStore } from '@crm/event-store';
import {
  ABSENCE_EVENT_TYPES,
  businessUnitDecider,
  businessUnitStreamId,
  type OpenBusinessUnit,
  employeeDecider,
  employeeStreamId,
  seededDraw,
  targetBuOf,
  type DrawnAssignment,
  type Employee,
  type EmployeeEvent,
  type StaffCommand,
} from '@crm/customers-domain';
import type { CustomersPolicies } from '../policy/customers-policies';
import type { StaffDirectoryReader } from '../projections/staff-directory.reader';
import type { CustomerListReader } from '../projections/customer-list.reader';
import type { CustomerCommands } from './customer-commands';

export interface Redistribution {
  readonly seed: string;
  readonly drawnFrom: readonly string[];
  readonly assignments: readonly DrawnAssignment[];
  /** Customers left with the absent employee because the BU has no other active staff. */
  readonly undrawn?: readonly string[];
}

export interface StaffCommandResult {
  readonly events: readonly EmployeeEvent[];
  readonly state: Employee;
  readonly redistribution?: Redistribution;
}

/**
 * Staff directory commands (domain §2.8). When an employee goes on long leave, transfers or leaves,
 * their customers are redrawn among the BU's other active staff (ARC-72). The seed derives from the
 * command id and is recorded in every resulting ownership change, so an auditor re-running
 * `seededDraw(seed, customers, staff)` gets the same hands.
 */
export class StaffCommands {
  constructor(
    private readonly store: EventStore,
    private readonly staff: StaffDirectoryReader,
    private readonly customers: CustomerListReader,
    private readonly customerCommands: CustomerCommands,
    private readonly policies: CustomersPolicies,
  ) {}

  openBusinessUnit(command: OpenBusinessUnit, context: CommandContext) {
    return handleCommand(
      this.store,
      businessUnitStreamId(command.data.buId),
      businessUnitDecider,
      command,
      context,
      {
        deterministicIds: true,
      },
    );
  }

  async execute(command: StaffCommand, context: CommandContext): Promise<StaffCommandResult> {
    // The BU an employee joins or moves to must exist; read from its stream, not a projection.
    const target = targetBuOf(command);
    const open = target !== undefined && (await this.isOpen(target));
    const result = await handleCommand(
      this.store,
      employeeStreamId(command.data.employeeId),
      employeeDecider,
      command,
      { ...context, isOpenBu: (bu: string) => bu === target && open },
      { deterministicIds: true },
    );
    const absence = result.events.find((e) => ABSENCE_EVENT_TYPES.includes(e.type));
    if (absence === undefined || result.alreadyHandled) return result;
    const redistribution = await this.redistribute(absence, context);
    return { ...result, ...(redistribution !== undefined ? { redistribution } : {}) };
  }

  private async isOpen(buId: string): Promise<boolean> {
    const { state } = await loadStream(
      this.store,
      businessUnitStreamId(buId),
      businessUnitDecider.evolve,
      businessUnitDecider.initialState(),
    );
    return state.status === 'open';
  }

  private async redistribute(
    absence: EmployeeEvent,
    context: CommandContext,
  ): Promise<Redistribution | undefined> {
    const { employeeId, bu } = absence.data;
    const owned = await this.customers.ownedBy(bu, employeeId);
    if (owned.length === 0) return undefined;
    const drawnFrom = (await this.staff.activeWithLoad(bu))
      .map((c) => c.employeeId)
      .filter((id) => id !== employeeId);
    const seed = deterministicUuid('staff-draw', context.commandId);
    // Nobody left to draw from: the staff change stands, the customers wait for the director.
    if (drawnFrom.length === 0) return { seed, drawnFrom, assignments: [], undrawn: owned };
    const assignments = seededDraw(seed, owned, drawnFrom);
    const policy = await this.policies.reassignment(context.now);
    for (const { customerId, employeeId: toEmployeeId } of assignments) {
      const commandId = deterministicUuid('staff-draw-assignment', context.commandId, customerId);
      await this.customerCommands.execute(
        {
          type: 'ReassignCustomer',
          data: {
            customerId,
            toBu: bu,
            toEmployeeId,
            reason: 'staff_absence',
            basis: {
              absence: absence.type,
              absentEmployeeId: employeeId,
              method: policy.params.absenceRedistribution,
              seed,
              drawnFrom: [...drawnFrom].sort(),
              customers: [...owned].sort(),
            },
          },
        },
        { ...context, commandId, causationId: context.commandId, policyVersion: policy.version },
      );
    }
    return { seed, drawnFrom, assignments };
  }
}
