import type { DomainCommand } from '@crm/event-sourcing';
import type { DisputeParty, EventSlot } from './joint-event.events';

export type ScheduleJointEvent = DomainCommand<
  'ScheduleJointEvent',
  {
    readonly jointEventId: string;
    readonly date: string;
    readonly slot: EventSlot;
    readonly venue: string;
    readonly businessUnits: readonly string[];
    readonly coordinatorId: string;
  }
>;

export type FileInvitationList = DomainCommand<
  'FileInvitationList',
  {
    readonly bu: string;
    readonly day: string;
    readonly confirmed: readonly string[];
    readonly planned?: readonly string[];
  }
>;

/** Issued by the cut-off timer. */
export type RecordFilingCutoff = DomainCommand<'RecordFilingCutoff', { readonly day: string }>;

/** Issued by the reminder timer an hour before a day's cut-off. */
export type RemindListsDue = DomainCommand<'RemindListsDue', { readonly day: string }>;

/** Issued by the release timer. */
export type ReleaseInvitationLists = DomainCommand<'ReleaseInvitationLists', { readonly day: string }>;

export type RecordEventDispute = DomainCommand<
  'RecordEventDispute',
  {
    readonly disputeId: string;
    readonly customerId?: string;
    readonly parties: readonly DisputeParty[];
    readonly description: string;
  }
>;

export type ResolveEventDispute = DomainCommand<
  'ResolveEventDispute',
  {
    readonly disputeId: string;
    readonly resolution: string;
    /** Both BU managers who settled it with the coordinator (INV-12). */
    readonly managerIds: readonly string[];
    /** Parties found to have quarrelled in front of customers: each is fined. */
    readonly quarrelled: readonly DisputeParty[];
  }
>;

export type JointEventCommand =
  | ScheduleJointEvent
  | FileInvitationList
  | RecordFilingCutoff
  | RemindListsDue
  | ReleaseInvitationLists
  | RecordEventDispute
  | ResolveEventDispute;
