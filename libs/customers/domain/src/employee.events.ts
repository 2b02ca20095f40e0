import type { DomainCommand, DomainEvent } from '@crm/event-sourcing';

export const employeeStreamId = (employeeId: string): string => `employee-${employeeId}`;

type At = {
  readonly employeeId: string;
  readonly bu: string;
  readonly at: string;
  readonly decidedBy: string;
};

export type EmployeeJoined = DomainEvent<'EmployeeJoined', At & { readonly displayName: string }>;
export type EmployeeLongLeaveStarted = DomainEvent<'EmployeeLongLeaveStarted', At>;
export type EmployeeReturned = DomainEvent<'EmployeeReturned', At>;
export type EmployeeTransferred = DomainEvent<'EmployeeTransferred', At & { readonly toBu: string }>;
export type EmployeeLeft = DomainEvent<'EmployeeLeft', At>;

export type EmployeeEvent =
  EmployeeJoined | EmployeeLongLeaveStarted | EmployeeReturned | EmployeeTransferred | EmployeeLeft;

export const EMPLOYEE_EVENT_TYPES: readonly EmployeeEvent['type'][] = [
  'EmployeeJoined',
  'EmployeeLongLeaveStarted',
  'EmployeeReturned',
  'EmployeeTransferred',
  'EmployeeLeft',
];

/** Staff changes after which the employee's customers are redrawn among the BU's active staff (ARC-72). */
export const ABSENCE_EVENT_TYPES: readonly EmployeeEvent['type'][] = [
  'EmployeeLongLeaveStarted',
  'EmployeeTransferred',
  'EmployeeLeft',
];

export type StaffCommand =
  | DomainCommand<
      'JoinEmployee',
      { readonly employeeId: string; readonly bu: string; readonly displayName: string }
    >
  | DomainCommand<'StartLongLeave', { readonly employeeId: string }>
  | DomainCommand<'ReturnFromLeave', { readonly employeeId: string }>
  | DomainCommand<'TransferEmployee', { readonly employeeId: string; readonly toBu: string }>
  | DomainCommand<'RecordLeaving', { readonly employeeId: string }>;
