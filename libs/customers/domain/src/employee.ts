import { DomainError, type CommandContext, type Decider } from '@crm/event-sourcing';
import type { EmployeeEvent, StaffCommand } from './employee.events';

/** Domain §2.8: an employee is active in one BU, on long leave, or gone. */
export type Employee =
  | { readonly status: 'unknown' }
  | {
      readonly status: 'active' | 'long_leave' | 'left';
      readonly employeeId: string;
      readonly bu: string;
      readonly displayName: string;
    };

export const evolveEmployee = (state: Employee, event: EmployeeEvent): Employee => {
  if (event.type === 'EmployeeJoined') {
    return state.status === 'unknown'
      ? {
          status: 'active',
          employeeId: event.data.employeeId,
          bu: event.data.bu,
          displayName: event.data.displayName,
        }
      : state;
  }
  if (state.status === 'unknown') return state;
  switch (event.type) {
    case 'EmployeeLongLeaveStarted':
      return { ...state, status: 'long_leave' };
    case 'EmployeeReturned':
      return { ...state, status: 'active' };
    case 'EmployeeTransferred':
      return { ...state, status: 'active', bu: event.data.toBu };
    case 'EmployeeLeft':
      return { ...state, status: 'left' };
    default:
      return state;
  }
};

export const STAFF_ADMIN_ROLES = ['bu_manager', 'gm', 'admin'] as const;

const conflict = (employeeId: string, status: string, wanted: string): DomainError =>
  new DomainError(
    'conflict',
    'staff.wrong_status',
    `employee ${employeeId} is ${status}; cannot ${wanted}`,
    undefined,
    {
      employeeId,
      status,
    },
  );

/** A BU manager manages the staff of their own BU; the GM and admins any BU's. */
const requireManagerOf = (bu: string, context: CommandContext): void => {
  const { actor } = context;
  if (actor.role === 'bu_manager' && actor.bu !== bu) {
    throw new DomainError(
      'forbidden',
      'staff.other_bu',
      `a BU manager manages the staff of their own BU, not ${bu}`,
      undefined,
      { bu },
    );
  }
};

/** The BU a command moves an employee into (join, transfer), which must exist. */
export const targetBuOf = (command: StaffCommand): string | undefined => {
  if (command.type === 'JoinEmployee') return command.data.bu;
  return command.type === 'TransferEmployee' ? command.data.toBu : undefined;
};

/** The staff directory's context: whether a BU exists, loaded by the application like the clock. */
export interface StaffDecisionContext extends CommandContext {
  readonly isOpenBu?: (bu: string) => boolean;
}

const decideStaff = (
  command: StaffCommand,
  state: Employee,
  context: StaffDecisionContext,
): readonly EmployeeEvent[] => {
  const { employeeId } = command.data;
  if (command.type === 'JoinEmployee') requireManagerOf(command.data.bu, context);
  else if (state.status !== 'unknown') requireManagerOf(state.bu, context);
  const target = targetBuOf(command);
  if (target !== undefined && context.isOpenBu?.(target) === false) {
    throw new DomainError(
      'rule',
      'staff.unknown_bu',
      `business unit ${target} is not in the directory`,
      undefined,
      {
        bu: target,
      },
    );
  }
  const at = context.now.toISOString();
  const decidedBy = context.actor.id;
  if (command.type === 'JoinEmployee') {
    if (state.status !== 'unknown') throw conflict(employeeId, state.status, 'join again');
    const { bu, displayName } = command.data;
    return [{ type: 'EmployeeJoined', data: { employeeId, bu, displayName, at, decidedBy } }];
  }
  if (state.status === 'unknown') {
    throw new DomainError(
      'not_found',
      'staff.not_found',
      `employee ${employeeId} is not in the directory`,
      undefined,
      {
        employeeId,
      },
    );
  }
  const base = { employeeId, bu: state.bu, at, decidedBy };
  switch (command.type) {
    case 'StartLongLeave':
      if (state.status !== 'active') throw conflict(employeeId, state.status, 'start a long leave');
      return [{ type: 'EmployeeLongLeaveStarted', data: base }];
    case 'ReturnFromLeave':
      if (state.status !== 'long_leave') throw conflict(employeeId, state.status, 'return');
      return [{ type: 'EmployeeReturned', data: base }];
    case 'TransferEmployee':
      if (state.status === 'left') throw conflict(employeeId, state.status, 'transfer');
      if (command.data.toBu === state.bu)
        throw conflict(employeeId, `already in ${state.bu}`, 'transfer there');
      return [{ type: 'EmployeeTransferred', data: { ...base, toBu: command.data.toBu } }];
    case 'RecordLeaving':
      if (state.status === 'left') throw conflict(employeeId, state.status, 'leave again');
      return [{ type: 'EmployeeLeft', data: base }];
  }
};

export const employeeDecider: Decider<StaffCommand, EmployeeEvent, Employee, StaffDecisionContext> = {
  initialState: () => ({ status: 'unknown' }),
  decide: decideStaff,
  evolve: evolveEmployee,
};
