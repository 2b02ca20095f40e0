import type { DomainEvent } from '@crm/event-sourcing';
import type {
  ApproverRole,
  CaseCause,
  CaseChannel,
  CaseKind,
  EscalationLevel,
  ResolutionItemKind,
  Severity,
} from './case.vocabulary';

/** Facts fixed at registration (domain §4.2). `receiverId` stays accountable until a transfer (CMP-PRN-07). */
export type CaseRegisteredData = {
  readonly caseId: string;
  readonly number: string;
  readonly kind: CaseKind;
  readonly channel: CaseChannel;
  readonly customerId: string;
  readonly subject: string;
  readonly description: string;
  readonly concernedEmployeeId: string;
  readonly concernedBu: string;
  readonly receiverId: string;
  readonly receiverBu: string;
  /** When the case was entered (server time); `receiverId` entered it. */
  readonly registeredAt: string;
  /**
   * When the customer actually raised it (business time, e.g. a call on Saturday entered on
   * Monday): deadlines count from it. Absent on cases recorded before it existed: registeredAt.
   */
  readonly receivedAt?: string;
  readonly promisedBy?: string;
  readonly linkedFrom?: string;
};

/** The calendar facts behind a computed instant, kept for the auditor (domain §7). */
export type CalendarBasisData = {
  readonly calendarVersion: string;
  readonly calendarIncomplete: boolean;
  readonly missingYears: readonly number[];
  /** The statutory holidays stood in for a year without an adopted notice: the instant may move. */
  readonly provisional?: boolean;
};

export type DeadlineSetData = {
  readonly caseId: string;
  readonly dueAt: string;
  readonly warnAt?: string;
  readonly basis: 'hours' | 'working_days' | 'promised_date';
  readonly amount?: number;
  readonly from: string;
  readonly extension: boolean;
  readonly approvedBy?: string;
  readonly rule: string;
  readonly policyVersion: string;
  readonly calendar?: CalendarBasisData;
};

/**
 * A deadline computed again on another calendar: a newly adopted year's notice, or the calendar in
 * force when the overdue timer fired. Records both calendars so an auditor sees why it moved.
 */
export type DeadlineRecomputedData = {
  readonly caseId: string;
  readonly previousDueAt: string;
  readonly dueAt: string;
  readonly warnAt?: string;
  readonly from: string;
  readonly reason: 'calendar_adopted' | 'overdue_recheck';
  readonly previousCalendar?: CalendarBasisData;
  readonly calendar?: CalendarBasisData;
};

export type ResolutionItem = {
  readonly itemId: string;
  readonly kind: ResolutionItemKind;
  readonly description: string;
  readonly amountFen: number;
};

export type FinePayee = {
  readonly role: 'employee' | 'bu_manager';
  readonly bu: string;
  readonly employeeId?: string;
};

export type FineIssuedData = {
  readonly fineId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly payee: FinePayee;
  readonly amountFen: number;
  readonly rule: string;
  readonly policyVersion: string;
  readonly reason: string;
  readonly issuedAt: string;
};

type E<T extends string, D> = DomainEvent<T, D>;

export type CaseRegistered = E<'CaseRegistered', CaseRegisteredData>;
export type CaseDeadlineSet = E<'CaseDeadlineSet', DeadlineSetData>;
export type CaseDeadlineRecomputed = E<'CaseDeadlineRecomputed', DeadlineRecomputedData>;
export type SeverityAssessed = E<
  'SeverityAssessed',
  {
    readonly caseId: string;
    readonly severity: Severity;
    readonly source: 'manual' | 'auto_cluster' | 'auto_repeat' | 'default';
    readonly rule?: string;
    readonly evidence?: Readonly<Record<string, unknown>>;
    readonly policyVersion: string;
  }
>;
export type MajorCaseNotified = E<
  'MajorCaseNotified',
  {
    readonly caseId: string;
    readonly caseNumber: string;
    readonly notify: readonly { role: string; bu?: string }[];
  }
>;
export type CaseClassified = E<'CaseClassified', { readonly caseId: string; readonly cause: CaseCause }>;
export type CaseAssigned = E<
  'CaseAssigned',
  { readonly caseId: string; readonly handlerId: string; readonly responsibleBu: string }
>;
export type ReceiverTransferred = E<
  'ReceiverTransferred',
  {
    readonly caseId: string;
    readonly fromReceiverId: string;
    readonly toReceiverId: string;
    readonly toBu: string;
  }
>;
export type CaseInvestigated = E<'CaseInvestigated', { readonly caseId: string; readonly findings: string }>;
export type ResolutionProposed = E<
  'ResolutionProposed',
  {
    readonly caseId: string;
    readonly items: readonly ResolutionItem[];
    readonly requiredApprover: ApproverRole | null;
  }
>;
export type ResolutionApproved = E<
  'ResolutionApproved',
  {
    readonly caseId: string;
    readonly itemIds: readonly string[];
    readonly totalFen: number;
    readonly requiredApprover: ApproverRole | null;
    readonly approverId: string;
    readonly approverRole: string;
    readonly rule: string;
    readonly policyVersion: string;
  }
>;
export type ResolutionSentBack = E<
  'ResolutionSentBack',
  { readonly caseId: string; readonly by: string; readonly reason: string }
>;
export type CustomerReplied = E<
  'CustomerReplied',
  {
    readonly caseId: string;
    readonly itemIds: readonly string[];
    readonly message: string;
    readonly repliedAt: string;
  }
>;
export type CustomerAccepted = E<
  'CustomerAccepted',
  { readonly caseId: string; readonly acceptedAt: string }
>;
export type SettlementApproved = E<
  'SettlementApproved',
  {
    readonly settlementId: string;
    readonly caseId: string;
    readonly caseNumber: string;
    readonly customerId: string;
    readonly kind: 'allowance' | 'return';
    readonly amountFen: number;
    readonly approvedBy: string;
    readonly approvedAt: string;
    readonly policyVersion: string;
  }
>;
export type CustomerRejected = E<
  'CustomerRejected',
  {
    readonly caseId: string;
    readonly reason: string;
    readonly outcome: 'escalated' | 'linked_case';
    readonly fromLevel: EscalationLevel;
    readonly toLevel?: EscalationLevel;
    readonly linkedCaseId?: string;
    readonly rule: string;
    readonly policyVersion: string;
  }
>;
export type CaseNotEstablished = E<
  'CaseNotEstablished',
  {
    readonly caseId: string;
    readonly caseNumber: string;
    readonly customerId: string;
    readonly reason: string;
    readonly decidedBy: string;
    readonly decidedAt: string;
  }
>;
export type FollowUpRecorded = E<
  'FollowUpRecorded',
  {
    readonly caseId: string;
    readonly satisfaction: number;
    readonly surveyorId: string;
    readonly note?: string;
  }
>;
export type FollowUpWaived = E<
  'FollowUpWaived',
  { readonly caseId: string; readonly reason: string; readonly waivedBy: string }
>;
export type CaseClosed = E<
  'CaseClosed',
  {
    readonly caseId: string;
    readonly closedAt: string;
    readonly onTime: boolean | null;
    readonly workingMinutesToResolve?: number;
  }
>;
export type CaseArchived = E<
  'CaseArchived',
  {
    readonly caseId: string;
    readonly retainUntil: string;
    readonly rule: string;
    readonly policyVersion: string;
  }
>;
export type RetentionExtended = E<
  'RetentionExtended',
  { readonly caseId: string; readonly retainUntil: string; readonly reason: string }
>;
export type DeadlineWarningIssued = E<
  'DeadlineWarningIssued',
  { readonly caseId: string; readonly dueAt: string; readonly notify: readonly string[] }
>;
export type CaseOverdue = E<
  'CaseOverdue',
  {
    readonly caseId: string;
    readonly caseNumber: string;
    readonly customerId: string;
    readonly dueAt: string;
    readonly detectedAt: string;
  }
>;
export type OverdueReminderIssued = E<
  'OverdueReminderIssued',
  {
    readonly caseId: string;
    readonly dueAt: string;
    /** 1 with the overdue decision, then 2, 3, ... while the case stays unresolved. */
    readonly sequence: number;
    readonly to: readonly { role: string; id?: string; bu?: string }[];
    readonly rule: string;
  }
>;
export type FineIssued = E<'FineIssued', FineIssuedData>;
export type TransferRequested = E<
  'CustomerTransferRequested',
  {
    readonly requestId: string;
    readonly caseId: string;
    readonly caseNumber: string;
    readonly customerId: string;
    readonly fromBu: string;
    readonly employeeId: string;
    readonly requestedAt: string;
    readonly rule: string;
    readonly policyVersion: string;
  }
>;

export type CaseEvent =
  | CaseRegistered
  | CaseDeadlineSet
  | CaseDeadlineRecomputed
  | SeverityAssessed
  | MajorCaseNotified
  | CaseClassified
  | CaseAssigned
  | ReceiverTransferred
  | CaseInvestigated
  | ResolutionProposed
  | ResolutionApproved
  | ResolutionSentBack
  | CustomerReplied
  | CustomerAccepted
  | SettlementApproved
  | CustomerRejected
  | CaseNotEstablished
  | FollowUpRecorded
  | FollowUpWaived
  | CaseClosed
  | CaseArchived
  | RetentionExtended
  | DeadlineWarningIssued
  | CaseOverdue
  | OverdueReminderIssued
  | FineIssued
  | TransferRequested;

export const caseStreamId = (caseId: string): string => `case-${caseId}`;
