import type { DomainEvent } from '@crm/event-sourcing';

export const EVENT_SLOTS = ['afternoon', 'evening'] as const;
export type EventSlot = (typeof EVENT_SLOTS)[number];

/** One daily list deadline of the filing window: 18:00 on window days, 10:00/16:00 on the event day. */
export type FilingCutoff = { readonly day: string; readonly cutoffAt: string };

/** Domain §3.1: the cut-offs are computed once, under the policy in force, and kept with the event. */
export type JointEventScheduled = DomainEvent<
  'JointEventScheduled',
  {
    readonly jointEventId: string;
    readonly date: string;
    readonly slot: EventSlot;
    readonly venue: string;
    /** Participating BUs in priority order (the first plans one day ahead, INV-02). */
    readonly businessUnits: readonly string[];
    readonly coordinatorId: string;
    readonly windowOpensOn: string;
    readonly cutoffs: readonly FilingCutoff[];
    readonly scheduledBy: string;
    readonly scheduledAt: string;
    readonly policyVersion: string;
  }
>;

/** A BU manager filed a daily list (INV-01); `onTime` is judged against the day's cut-off. */
export type InvitationListFiled = DomainEvent<
  'InvitationListFiled',
  {
    readonly jointEventId: string;
    readonly bu: string;
    readonly day: string;
    readonly confirmed: readonly string[];
    readonly planned?: readonly string[];
    readonly filedBy: string;
    readonly filedAt: string;
    readonly cutoffAt: string;
    readonly onTime: boolean;
    readonly policyVersion: string;
  }
>;

/** A day's cut-off passed without an on-time list from `bu` (INV-05/07). */
export type InvitationListFilingMissed = DomainEvent<
  'InvitationListFilingMissed',
  {
    readonly jointEventId: string;
    readonly bu: string;
    readonly day: string;
    readonly cutoffAt: string;
    readonly policyVersion: string;
  }
>;

/**
 * A day's cut-off passed without the next day's planned list from a BU after the first (INV-01: the
 * second BU files the day's confirmed list "plus the next day's planned list" by 18:00; INV-02: the
 * first BU plans one day ahead, so it owes none). `day` is the filing day, `plannedFor` the day after.
 */
export type PlannedListFilingMissed = DomainEvent<
  'PlannedListFilingMissed',
  {
    readonly jointEventId: string;
    readonly bu: string;
    readonly day: string;
    readonly plannedFor: string;
    readonly cutoffAt: string;
    readonly policyVersion: string;
  }
>;

/** The check at a cut-off ran (timer); records which BUs had no list. */
export type FilingCutoffReached = DomainEvent<
  'FilingCutoffReached',
  {
    readonly jointEventId: string;
    readonly day: string;
    readonly cutoffAt: string;
    readonly missingBusinessUnits: readonly string[];
  }
>;

/** A day's cut-off is within the hour and these BUs have no on-time list yet: their managers are reminded. */
export type InvitationListsDueSoon = DomainEvent<
  'InvitationListsDueSoon',
  {
    readonly jointEventId: string;
    readonly day: string;
    readonly cutoffAt: string;
    readonly businessUnits: readonly string[];
  }
>;

/** Domain §3.7: every fine is this event (to whom, amount, rule, policy version). */
export type FineIssued = DomainEvent<
  'FineIssued',
  {
    readonly fineId: string;
    readonly jointEventId: string;
    readonly bu: string;
    /** Absent when the fined manager is only known by role (a list nobody filed). */
    readonly employeeId?: string;
    readonly role: string;
    readonly amountFen: number;
    readonly rule: string;
    readonly reason: string;
    /** The list day for INV-07 fines; the dispute for INV-12 fines. */
    readonly day?: string;
    /** `planned` when the fine is for the day's planned list (INV-01/02); absent for the daily list. */
    readonly list?: 'planned';
    readonly disputeId?: string;
    readonly issuedAt: string;
    readonly policyVersion: string;
  }
>;

/** INV-04: the day's lists go back to the BUs at the next morning meeting. */
export type InvitationListsReleased = DomainEvent<
  'InvitationListsReleased',
  {
    readonly jointEventId: string;
    readonly day: string;
    readonly filedBy: readonly string[];
    readonly releasedAt: string;
  }
>;

export type DisputeParty = { readonly employeeId: string; readonly bu: string };

/** INV-12: a dispute at the event is recorded, then settled afterwards. */
export type EventDisputeRecorded = DomainEvent<
  'EventDisputeRecorded',
  {
    readonly jointEventId: string;
    readonly disputeId: string;
    readonly customerId?: string;
    readonly parties: readonly DisputeParty[];
    readonly description: string;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

/** Settled by both BU managers with the coordinator; quarrellers are fined (FineIssued follows). */
export type EventDisputeResolved = DomainEvent<
  'EventDisputeResolved',
  {
    readonly jointEventId: string;
    readonly disputeId: string;
    readonly resolution: string;
    readonly coordinatorId: string;
    readonly managerIds: readonly string[];
    readonly quarrelled: readonly DisputeParty[];
    readonly resolvedAt: string;
    readonly policyVersion: string;
  }
>;

export type JointEventEvent =
  | JointEventScheduled
  | InvitationListFiled
  | InvitationListFilingMissed
  | PlannedListFilingMissed
  | FilingCutoffReached
  | InvitationListsDueSoon
  | FineIssued
  | InvitationListsReleased
  | EventDisputeRecorded
  | EventDisputeResolved;

export const jointEventStreamId = (jointEventId: string): string => `joint-event-${jointEventId}`;
