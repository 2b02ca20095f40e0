import type {
  CalendarBasisData,
  CaseEvent,
  CaseRegisteredData,
  DeadlineSetData,
  FineIssuedData,
  ResolutionItem,
} from './case.events';
import type { ApproverRole, CaseCause, EscalationLevel, Severity } from './case.vocabulary';

export type CaseStatus =
  | 'registered'
  | 'classified'
  | 'assigned'
  | 'investigated'
  | 'resolution_proposed'
  | 'resolution_approved'
  | 'replied'
  | 'accepted'
  | 'not_established'
  | 'closed'
  | 'archived';

export type OpenCase = CaseRegisteredData & {
  readonly status: CaseStatus;
  readonly severity: Severity;
  readonly cause?: CaseCause;
  readonly handlerId?: string;
  readonly responsibleBu?: string;
  readonly items: readonly ResolutionItem[];
  readonly requiredApprover: ApproverRole | null;
  readonly approvedItemIds: readonly string[];
  readonly approvedBy?: string;
  readonly repliedItemIds: readonly string[];
  readonly escalationLevel: EscalationLevel;
  readonly linkedCaseIds: readonly string[];
  readonly dueAt?: string;
  /** How the deadline in force was computed: what a recomputation on another calendar repeats. */
  readonly deadline?: {
    readonly basis: DeadlineSetData['basis'];
    readonly amount?: number;
    readonly from: string;
    readonly calendar?: CalendarBasisData;
  };
  readonly deadlineExtended: boolean;
  readonly resolvedAt?: string;
  readonly overdueFor: readonly string[];
  readonly transferRequested: boolean;
  readonly fines: readonly FineIssuedData[];
  readonly followUp?: { readonly satisfaction?: number; readonly waived?: string };
  readonly closedAt?: string;
  readonly retainUntil?: string;
};

export type Case = { readonly status: 'none' } | OpenCase;

export const initialCase = (): Case => ({ status: 'none' });

const open = (state: Case, change: (c: OpenCase) => OpenCase): Case =>
  state.status === 'none' ? state : change(state);

/** Total: an event that does not fit the state leaves it unchanged. */
export const evolveCase = (state: Case, event: CaseEvent): Case => {
  switch (event.type) {
    case 'CaseRegistered':
      if (state.status !== 'none') return state;
      return {
        ...event.data,
        status: 'registered',
        severity: 'general',
        items: [],
        requiredApprover: null,
        approvedItemIds: [],
        repliedItemIds: [],
        escalationLevel: 'handler',
        linkedCaseIds: [],
        deadlineExtended: false,
        overdueFor: [],
        transferRequested: false,
        fines: [],
      };
    case 'CaseDeadlineSet':
      return open(state, (c) => ({
        ...c,
        dueAt: event.data.dueAt,
        deadline: {
          basis: event.data.basis,
          ...(event.data.amount !== undefined ? { amount: event.data.amount } : {}),
          from: event.data.from,
          ...(event.data.calendar !== undefined ? { calendar: event.data.calendar } : {}),
        },
        deadlineExtended: c.deadlineExtended || event.data.extension,
      }));
    case 'CaseDeadlineRecomputed':
      return open(state, (c) => ({
        ...c,
        dueAt: event.data.dueAt,
        ...(c.deadline !== undefined
          ? {
              deadline: {
                ...c.deadline,
                ...(event.data.calendar !== undefined ? { calendar: event.data.calendar } : {}),
              },
            }
          : {}),
      }));
    case 'SeverityAssessed':
      return open(state, (c) => ({ ...c, severity: event.data.severity }));
    case 'CaseClassified':
      return open(state, (c) => ({ ...c, cause: event.data.cause, status: 'classified' }));
    case 'CaseAssigned':
      return open(state, (c) => ({
        ...c,
        handlerId: event.data.handlerId,
        responsibleBu: event.data.responsibleBu,
        status: 'assigned',
      }));
    case 'ReceiverTransferred':
      return open(state, (c) => ({ ...c, receiverId: event.data.toReceiverId, receiverBu: event.data.toBu }));
    case 'CaseInvestigated':
      return open(state, (c) => ({ ...c, status: 'investigated' }));
    case 'ResolutionProposed':
      return open(state, (c) => ({
        ...c,
        status: 'resolution_proposed',
        items: event.data.items,
        requiredApprover: event.data.requiredApprover,
        approvedItemIds: [],
      }));
    case 'ResolutionApproved':
      return open(state, (c) => ({
        ...c,
        status: 'resolution_approved',
        approvedItemIds: event.data.itemIds,
        approvedBy: event.data.approverId,
      }));
    case 'ResolutionSentBack':
      return open(state, (c) => ({ ...c, status: 'investigated', items: [], approvedItemIds: [] }));
    case 'CustomerReplied':
      return open(state, (c) => ({
        ...c,
        status: 'replied',
        repliedItemIds: event.data.itemIds,
        resolvedAt: c.resolvedAt ?? event.data.repliedAt,
      }));
    case 'CustomerAccepted':
      return open(state, (c) => ({ ...c, status: 'accepted' }));
    case 'CustomerRejected':
      return open(state, (c) =>
        event.data.outcome === 'escalated'
          ? {
              ...c,
              status: 'investigated',
              escalationLevel: event.data.toLevel ?? c.escalationLevel,
              items: [],
              approvedItemIds: [],
              repliedItemIds: [],
            }
          : // The original stays as it was; only the link is remembered (CMP-FUP-10).
            { ...c, linkedCaseIds: [...c.linkedCaseIds, event.data.linkedCaseId ?? ''] },
      );
    case 'CaseNotEstablished':
      return open(state, (c) => ({
        ...c,
        status: 'not_established',
        resolvedAt: c.resolvedAt ?? event.data.decidedAt,
      }));
    case 'FollowUpRecorded':
      return open(state, (c) => ({ ...c, followUp: { satisfaction: event.data.satisfaction } }));
    case 'FollowUpWaived':
      return open(state, (c) => ({ ...c, followUp: { waived: event.data.reason } }));
    case 'CaseClosed':
      return open(state, (c) => ({ ...c, status: 'closed', closedAt: event.data.closedAt }));
    case 'CaseArchived':
      return open(state, (c) => ({ ...c, status: 'archived', retainUntil: event.data.retainUntil }));
    case 'RetentionExtended':
      return open(state, (c) => ({ ...c, retainUntil: event.data.retainUntil }));
    case 'CaseOverdue':
      return open(state, (c) => ({ ...c, overdueFor: [...c.overdueFor, event.data.dueAt] }));
    case 'FineIssued':
      return open(state, (c) => ({ ...c, fines: [...c.fines, event.data] }));
    case 'CustomerTransferRequested':
      return open(state, (c) => ({ ...c, transferRequested: true }));
    default:
      return state;
  }
};
