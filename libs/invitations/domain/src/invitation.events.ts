import type { DomainEvent } from '@crm/event-sourcing';
import type { FilingStatus } from './joint-event';
import type { CreditBlock } from './credit-standing';

/**
 * One stream per (joint event, customer): every BU's claim on the customer for that event, the
 * duplicate check, the rulings and what happened at the event. Appending with the expected version
 * makes "only one BU holds the customer" exact under concurrency (INV-09).
 */
export const invitationStreamId = (jointEventId: string, customerId: string): string =>
  `invitation-${jointEventId}-${customerId}`;

export const RULING_BASES = [
  'on_time_filing',
  'late_filing',
  'first_confirmation',
  'coordinator',
  'gm',
] as const;
export type RulingBasis = (typeof RULING_BASES)[number];

export type InvitationConfirmed = DomainEvent<
  'InvitationConfirmed',
  {
    readonly invitationId: string;
    readonly jointEventId: string;
    readonly customerId: string;
    readonly bu: string;
    readonly employeeId: string;
    readonly confirmedAt: string;
    /** INV-03: the Asia/Shanghai day the confirmation counts for. */
    readonly countsForDay: string;
    /** Why this BU may invite: it owns the customer, or the customer is lapsed and open (INV-14). */
    readonly access: 'owner' | 'lapsed';
    /** Internal: the customer's credit accounts blocked when confirmed (domain §6); a warning only. */
    readonly creditBlocks?: readonly CreditBlock[];
    readonly policyVersion: string;
  }
>;

export type Claimant = {
  readonly bu: string;
  readonly employeeId: string;
  readonly confirmedAt: string;
  readonly countsForDay: string;
  readonly filing: FilingStatus;
};

/** The duplicate check found two BUs claiming the customer (INV-04/08). */
export type InvitationConflictDetected = DomainEvent<
  'InvitationConflictDetected',
  {
    readonly jointEventId: string;
    readonly customerId: string;
    readonly claimants: readonly Claimant[];
    /** True when no rule decides it: it waits in the coordinator's queue. */
    readonly queuedForCoordinator: boolean;
    readonly detectedAt: string;
  }
>;

export type InvitationConflictRuled = DomainEvent<
  'InvitationConflictRuled',
  {
    readonly jointEventId: string;
    readonly customerId: string;
    readonly winnerBu: string;
    readonly winnerEmployeeId: string;
    readonly loserBus: readonly string[];
    readonly basis: RulingBasis;
    readonly decidedBy: string;
    readonly decidedByRole: string;
    /** A GM ruling is final (INV-13). */
    readonly final: boolean;
    readonly note?: string;
    readonly ruledAt: string;
    readonly policyVersion: string;
  }
>;

export type InvitationConflictEscalated = DomainEvent<
  'InvitationConflictEscalated',
  {
    readonly jointEventId: string;
    readonly customerId: string;
    readonly escalatedBy: string;
    readonly reason: string;
    readonly escalatedAt: string;
  }
>;

export type AttendanceRecorded = DomainEvent<
  'AttendanceRecorded',
  {
    readonly jointEventId: string;
    readonly customerId: string;
    readonly attendedAt: string;
    readonly inviterBu: string;
    readonly inviterEmployeeId: string;
  }
>;

/** INV-11: the current inviter lets the former follow-up employee help sell. */
export type SalesAssistApproved = DomainEvent<
  'SalesAssistApproved',
  {
    readonly jointEventId: string;
    readonly customerId: string;
    readonly assistantEmployeeId: string;
    readonly approvedBy: string;
    readonly approvedAt: string;
  }
>;

/** INV-11: at most one employee pitches to a customer at a time. */
export type PitchStarted = DomainEvent<
  'PitchStarted',
  {
    readonly jointEventId: string;
    readonly customerId: string;
    readonly employeeId: string;
    readonly startedAt: string;
  }
>;

export type PitchEnded = DomainEvent<
  'PitchEnded',
  {
    readonly jointEventId: string;
    readonly customerId: string;
    readonly employeeId: string;
    readonly endedAt: string;
  }
>;

/** A sale at the event, credited 100 % to the current inviter (INV-11). */
export type EventSaleRecorded = DomainEvent<
  'EventSaleRecorded',
  {
    readonly saleId: string;
    readonly jointEventId: string;
    readonly customerId: string;
    readonly amountFen: number;
    readonly soldAt: string;
    readonly inviterBu: string;
    readonly inviterEmployeeId: string;
    readonly assistedBy?: string;
    readonly recordedBy: string;
  }
>;

export type InvitationEvent =
  | InvitationConfirmed
  | InvitationConflictDetected
  | InvitationConflictRuled
  | InvitationConflictEscalated
  | AttendanceRecorded
  | SalesAssistApproved
  | PitchStarted
  | PitchEnded
  | EventSaleRecorded;
