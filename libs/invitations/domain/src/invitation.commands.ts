import type { DomainCommand } from '@crm/event-sourcing';

export type ConfirmInvitation = DomainCommand<
  'ConfirmInvitation',
  { readonly jointEventId: string; readonly customerId: string }
>;

/** The duplicate check for one customer, run after every filing and at every cut-off (INV-04). */
export type CheckInvitationConflict = DomainCommand<'CheckInvitationConflict', Record<string, never>>;

export type RuleInvitationConflict = DomainCommand<
  'RuleInvitationConflict',
  { readonly winnerBu: string; readonly note?: string }
>;

export type EscalateInvitationConflict = DomainCommand<
  'EscalateInvitationConflict',
  { readonly reason: string }
>;

export type RecordAttendance = DomainCommand<'RecordAttendance', Record<string, never>>;

export type ApproveSalesAssist = DomainCommand<
  'ApproveSalesAssist',
  { readonly assistantEmployeeId: string }
>;

export type StartPitch = DomainCommand<'StartPitch', { readonly employeeId: string }>;

export type EndPitch = DomainCommand<'EndPitch', { readonly employeeId: string }>;

export type RecordEventSale = DomainCommand<
  'RecordEventSale',
  { readonly saleId: string; readonly amountFen: number; readonly assistedBy?: string }
>;

export type InvitationCommand =
  | ConfirmInvitation
  | CheckInvitationConflict
  | RuleInvitationConflict
  | EscalateInvitationConflict
  | RecordAttendance
  | ApproveSalesAssist
  | StartPitch
  | EndPitch
  | RecordEventSale;
