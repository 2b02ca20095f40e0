export type EmployeeStatus = 'active' | 'long_leave' | 'left';

export interface StaffMember {
  readonly employeeId: string;
  readonly bu: string;
  readonly displayName: string;
  readonly status: EmployeeStatus;
  readonly joinedAt: string;
  readonly changedAt: string;
}

export interface BusinessUnit {
  readonly buId: string;
  readonly name: string;
  readonly openedAt: string;
}

/** ARC-72: the recorded draw, with its seed, so an auditor can re-run it. */
export interface Redistribution {
  readonly redistributionId: string;
  readonly employeeId: string;
  readonly bu: string;
  readonly absence: string;
  readonly seed: string;
  readonly customers: readonly string[];
  readonly drawnFrom: readonly string[];
  readonly assignments: readonly { readonly customerId: string; readonly employeeId: string }[];
  readonly undrawn: readonly string[];
  readonly policyVersion: string;
  readonly drawnAt: string;
  readonly decidedBy: string;
}

export interface StaffCommandResult {
  readonly status: EmployeeStatus;
  readonly recorded: readonly string[];
  readonly redistribution?: Redistribution;
}

export type StaffAction = 'longLeave' | 'return' | 'transfer' | 'leave';

export interface JoinValues {
  employeeId: string;
  bu: string;
  displayName: string;
}

export interface OpenBuValues {
  buId: string;
  name: string;
}
