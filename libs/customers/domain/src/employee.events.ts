import type { DomainCommand, DomainEvent } from '@crm/event-sourcing';

export const employeeStreamId = (employeeId: string): string => `employee-${employeeId}`;

type At = {
  readonly employeeId: string;
  readonly bu: string;
  readonly at: string;
  readonly decidedBy: string;
};

/** `posts` and `email` are absent on events recorded before posts were kept: the employee held `staff`. */
export type EmployeeJoined = DomainEvent<
  'EmployeeJoined',
  At & { readonly displayName: string; readonly posts?: readonly string[]; readonly email?: string }
>;
export type EmployeeLongLeaveStarted = DomainEvent<'EmployeeLongLeaveStarted', At>;
export type EmployeeReturned = DomainEvent<'EmployeeReturned', At>;
export type EmployeeTransferred = DomainEvent<'EmployeeTransferred', At & { readonly toBu: string }>;
export type EmployeeLeft = DomainEvent<'EmployeeLeft', At>;
/** `posts` is the whole set held afterwards, so a reader never needs the history to know it. */
export type EmployeeAppointedToPost = DomainEvent<
  'EmployeeAppointedToPost',
  At & { readonly post: string; readonly posts: readonly string[] }
>;
export type EmployeeRelievedOfPost = DomainEvent<
  'EmployeeRelievedOfPost',
  At & { readonly post: string; readonly posts: readonly string[] }
>;
export type EmployeeEmailSet = DomainEvent<'EmployeeEmailSet', At & { readonly email: string }>;

export type EmployeeEvent =
  | EmployeeJoined
  | EmployeeLongLeaveStarted
  | EmployeeReturned
  | EmployeeTransferred
  | EmployeeLeft
  | EmployeeAppointedToPost
  | EmployeeRelievedOfPost
  | EmployeeEmailSet;

export const EMPLOYEE_EVENT_TYPES: readonly EmployeeEvent['type'][] = [
  'EmployeeJoined',
  'EmployeeLongLeaveStarted',
  'EmployeeReturned',
  'EmployeeTransferred',
  'EmployeeLeft',
  'EmployeeAppointedToPost',
  'EmployeeRelievedOfPost',
  'EmployeeEmailSet',
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
      {
        readonly employeeId: string;
        readonly bu: string;
        readonly displayName: string;
        /** Default `['staff']`. */
        readonly posts?: readonly string[];
        readonly email?: string;
      }
    >
  | DomainCommand<'StartLongLeave', { readonly employeeId: string }>
  | DomainCommand<'ReturnFromLeave', { readonly employeeId: string }>
  | DomainCommand<'TransferEmployee', { readonly employeeId: string; readonly toBu: string }>
  | DomainCommand<'RecordLeaving', { readonly employeeId: string }>
  | DomainCommand<'AppointToPost', { readonly employeeId: string; readonly post: string }>
  | DomainCommand<'RelieveOfPost', { readonly employeeId: string; readonly post: string }>
  | DomainCommand<'SetEmployeeEmail', { readonly employeeId: string; readonly email: string }>;
