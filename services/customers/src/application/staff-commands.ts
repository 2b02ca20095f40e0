import { DomainError, deterministicUuid, type CommandContext } from '@crm/event-sourcing';
import { handleCommand, loadStream, type EventStore } from '@crm/event-store';
import {
  ABSENCE_EVENT_TYPES,
  businessUnitDecider,
  businessUnitStreamId,
  type OpenBusinessUnit,
  employeeDecider,
  employeeStreamId,
  redistributionDecider,
  redistributionStreamId,
  targetBuOf,
  type CustomersRedistributed,
  type Employee,
  type EmployeeEvent,
  type StaffCommand,
} from '@crm/customers-domain';
import type { CustomersPolicies } from '../policy/customers-policies';
import type { StaffDirectoryReader } from '../projections/staff-directory.reader';
import type { CustomerListReader } from '../projections/customer-list.reader';
import type { CustomerCommands } from './customer-commands';

/** The recorded draw (`CustomersRedistributed`): inputs, seed, assignments, undrawn customers. */
export type Redistribution = CustomersRedistributed['data'];

export interface StaffCommandResult {
  readonly events: readonly EmployeeEvent[];
  readonly state: Employee;
  readonly redistribution?: Redistribution;
}

/**
 * Staff directory commands (domain §2.8). When an employee goes on long leave, transfers or leaves,
 * their customers are redrawn among the BU's other active staff (ARC-72). The seed derives from the
 * command id and is recorded with the draw's inputs and outcome (`CustomersRedistributed`) and in
 * every resulting ownership change, so an auditor re-running `seededDraw(seed, customers, staff)`
 * gets the same hands.
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

  /**
   * Records the draw first (its own stream, once per absence), then hands the customers out, each
   * change of hands keyed by the redistribution and the customer: a hand-out interrupted half-way
   * completes with {@link resumeRedistribution} and the same draw.
   */
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
    const redistributionId = deterministicUuid('staff-redistribution', context.commandId);
    const policy = await this.policies.reassignment(context.now);
    const result = await handleCommand(
      this.store,
      redistributionStreamId(redistributionId),
      redistributionDecider,
      {
        type: 'DrawRedistribution',
        data: {
          redistributionId,
          employeeId,
          bu,
          absence: absence.type,
          seed: deterministicUuid('staff-draw', context.commandId),
          customers: owned,
          drawnFrom,
        },
      },
      {
        ...context,
        commandId: redistributionId,
        causationId: context.commandId,
        policyVersion: policy.version,
      },
      { deterministicIds: true },
    );
    if (result.state.status !== 'drawn') return undefined;
    await this.handOut(result.state, context);
    return result.state;
  }

  /** Completes the hand-out of a recorded draw (idempotent per customer). */
  async resumeRedistribution(redistributionId: string, context: CommandContext): Promise<Redistribution> {
    const { state } = await loadStream(
      this.store,
      redistributionStreamId(redistributionId),
      redistributionDecider.evolve,
      redistributionDecider.initialState(),
    );
    if (state.status !== 'drawn') {
      throw new DomainError(
        'not_found',
        'staff.redistribution_not_found',
        `no redistribution ${redistributionId}`,
        undefined,
        {
          redistributionId,
        },
      );
    }
    await this.handOut(state, context);
    return state;
  }

  private async handOut(draw: Redistribution, context: CommandContext): Promise<void> {
    for (const { customerId, employeeId: toEmployeeId } of draw.assignments) {
      try {
        await this.customerCommands.execute(
          {
            type: 'ReassignCustomer',
            data: {
              customerId,
              toBu: draw.bu,
              toEmployeeId,
              reason: 'staff_absence',
              basis: {
                redistributionId: draw.redistributionId,
                absence: draw.absence,
                absentEmployeeId: draw.employeeId,
                method: 'seeded_draw_round_robin',
                seed: draw.seed,
                drawnFrom: draw.drawnFrom,
                customers: draw.customers,
              },
            },
          },
          {
            ...context,
            commandId: deterministicUuid('staff-draw-assignment', draw.redistributionId, customerId),
            causationId: draw.redistributionId,
            policyVersion: draw.policyVersion,
          },
        );
      } catch (error) {
        // Moved meanwhile (e.g. by the director): the later decision stands.
        if (!(error instanceof DomainError && error.code === 'customer.already_owner')) throw error;
      }
    }
  }
}
