import type { DomainCommand } from '@crm/event-sourcing';
import type { CalendarBasisData, CaseRegisteredData, ResolutionItem } from './case.events';
import type { CaseCause, Severity } from './case.vocabulary';

/** A deadline instant computed by the service's calendar (the domain never reads a calendar). */
export type ComputedDeadline = {
  readonly dueAt: string;
  readonly warnAt?: string;
  readonly calendar?: CalendarBasisData;
};

/** What the service found in recent cases, for the automatic severity rule (domain §4.4). */
export type SimilarCases = {
  /** Distinct customers (this one included) with a case on the same subject within the cluster window. */
  readonly distinctCustomersOnSubject: number;
  readonly clusterCaseIds: readonly string[];
  /** An earlier case of the same customer on the same subject within the repeat window. */
  readonly repeatOfCaseId?: string;
};

type C<T extends string, D> = DomainCommand<T, D>;

/** The registration's facts, less what the decision itself sets (receiver, time). */
export type RegisterCase = C<
  'RegisterCase',
  Omit<CaseRegisteredData, 'receiverId' | 'receiverBu' | 'registeredAt'> & {
    readonly severity?: Severity;
    readonly similar: SimilarCases;
    readonly deadline?: ComputedDeadline;
  }
>;
export type ClassifyCase = C<'ClassifyCase', { readonly cause: CaseCause; readonly severity?: Severity }>;
export type AssignCase = C<'AssignCase', { readonly handlerId: string; readonly responsibleBu: string }>;
export type TransferReceiver = C<
  'TransferReceiver',
  { readonly toReceiverId: string; readonly toBu: string }
>;
export type RecordInvestigation = C<'RecordInvestigation', { readonly findings: string }>;
export type ProposeResolution = C<'ProposeResolution', { readonly items: readonly ResolutionItem[] }>;
export type ApproveResolution = C<'ApproveResolution', Readonly<Record<string, never>>>;
export type SendBackResolution = C<'SendBackResolution', { readonly reason: string }>;
export type ReplyToCustomer = C<
  'ReplyToCustomer',
  { readonly itemIds: readonly string[]; readonly message: string }
>;
export type RecordAcceptance = C<'RecordAcceptance', Readonly<Record<string, never>>>;
export type RecordRejection = C<
  'RecordRejection',
  { readonly reason: string; readonly linkedCaseId: string }
>;
export type DeclareNotEstablished = C<'DeclareNotEstablished', { readonly reason: string }>;
export type ExtendDeadline = C<'ExtendDeadline', { readonly deadline: ComputedDeadline }>;
export type RecordFollowUp = C<'RecordFollowUp', { readonly satisfaction: number; readonly note?: string }>;
export type WaiveFollowUp = C<'WaiveFollowUp', { readonly reason: string }>;
/** `workingMinutesToResolve`: registration → resolution on the calendar, measured by the service. */
export type CloseCase = C<'CloseCase', { readonly workingMinutesToResolve?: number }>;
export type ArchiveCase = C<'ArchiveCase', Readonly<Record<string, never>>>;
export type ExtendRetention = C<'ExtendRetention', { readonly retainUntil: string; readonly reason: string }>;
/** Issued by the deadline timers; `deadlineDueAt` names the deadline the timer was set for. */
export type WarnDeadline = C<'WarnDeadline', { readonly deadlineDueAt: string }>;
/**
 * `recheck`: the same deadline computed on the calendar in force when the timer fired; when an
 * adopted calendar moved it later, the case is not overdue yet (no fine on a moved deadline).
 */
export type MarkOverdue = C<
  'MarkOverdue',
  { readonly deadlineDueAt: string; readonly recheck?: ComputedDeadline }
>;
/** The deadline in force computed again on a newly adopted calendar (domain §4.5). */
export type RecomputeDeadline = C<'RecomputeDeadline', { readonly deadline: ComputedDeadline }>;
/** A later case completed a cluster on this case's subject (domain §4.4): this one is major too. */
export type RaiseSeverity = C<
  'RaiseSeverity',
  { readonly triggeredBy: string; readonly distinctCustomers: number; readonly caseIds: readonly string[] }
>;
export type RemindOverdue = C<'RemindOverdue', { readonly deadlineDueAt: string; readonly sequence: number }>;

export type CaseCommand =
  | RegisterCase
  | ClassifyCase
  | AssignCase
  | TransferReceiver
  | RecordInvestigation
  | ProposeResolution
  | ApproveResolution
  | SendBackResolution
  | ReplyToCustomer
  | RecordAcceptance
  | RecordRejection
  | DeclareNotEstablished
  | ExtendDeadline
  | RecordFollowUp
  | WaiveFollowUp
  | CloseCase
  | ArchiveCase
  | ExtendRetention
  | WarnDeadline
  | MarkOverdue
  | RemindOverdue
  | RecomputeDeadline
  | RaiseSeverity;
