import type { EventStore, StoredEvent } from '@crm/event-store';
import { DomainError } from '@crm/event-sourcing';
import { caseStreamId } from '@crm/complaints-domain';
import type { CaseCommandHandler } from './case-command.handler';

/** Decision events an auditor asks "why" about, and what each one decided. */
const DECISIONS: Readonly<Record<string, string>> = {
  CaseRegistered: 'registration (number, kind, channel, first receiver)',
  CaseDeadlineSet: 'deadline computation',
  CaseDeadlineRecomputed: 'deadline recomputed on another calendar version',
  SeverityAssessed: 'severity',
  MajorCaseNotified: 'major-case notification',
  CaseClassified: 'classification',
  CaseAssigned: 'assignment',
  ReceiverTransferred: 'first-contact responsibility transfer',
  ResolutionProposed: 'resolution proposed (required approver by amount)',
  ResolutionApproved: 'approval',
  ResolutionSentBack: 'approval refused',
  CustomerReplied: 'reply',
  CustomerAccepted: 'customer accepted',
  SettlementApproved: 'settlement sent to credit',
  CustomerRejected: 'escalation or linked case',
  CaseNotEstablished: 'not established',
  FollowUpRecorded: 'follow-up',
  FollowUpWaived: 'follow-up waived',
  CaseClosed: 'closing',
  CaseArchived: 'archiving (retention)',
  RetentionExtended: 'retention extended',
  DeadlineWarningIssued: 'deadline warning',
  CaseOverdue: 'overdue',
  OverdueReminderIssued: 'reminder',
  FineIssued: 'fine',
  CustomerTransferRequested: 'customer transfer requested',
};

export interface Explanation {
  readonly caseId: string;
  readonly decisions: readonly {
    readonly version: number;
    readonly type: string;
    readonly decision: string;
    readonly rule?: unknown;
    readonly policyVersion?: unknown;
    readonly calendar?: unknown;
    readonly actor: unknown;
    readonly reason?: string;
    readonly businessTime: string;
    readonly recordedAt: string;
    readonly data: Readonly<Record<string, unknown>>;
  }[];
}

export class CaseQueries {
  constructor(
    private readonly store: EventStore,
    private readonly cases: CaseCommandHandler,
  ) {}

  /** The case as the system knew it at `asOf` (record time, decision 3), or now. */
  async get(caseId: string, asOf?: Date): Promise<Record<string, unknown>> {
    const state = await this.cases.load(caseId, asOf);
    if (state.status === 'none') {
      throw new DomainError(
        'not_found',
        'case.not_found',
        `no case ${caseId}${asOf ? ` as of ${asOf.toISOString()}` : ''}`,
      );
    }
    return { ...state, ...(asOf !== undefined ? { asOf: asOf.toISOString() } : {}) };
  }

  /** Every decision on the case with the rule, policy version and calendar it used (domain §7). */
  async explain(caseId: string): Promise<Explanation> {
    const events: StoredEvent[] = [];
    for await (const e of this.store.readStream(caseStreamId(caseId))) events.push(e);
    if (events.length === 0) throw new DomainError('not_found', 'case.not_found', `no case ${caseId}`);
    return {
      caseId,
      decisions: events.map((e) => ({
        version: e.version,
        type: e.type,
        decision: DECISIONS[e.type] ?? e.type,
        ...(e.data['rule'] !== undefined ? { rule: e.data['rule'] } : {}),
        policyVersion: e.data['policyVersion'] ?? e.metadata.policyVersion,
        ...(e.data['calendar'] !== undefined ? { calendar: e.data['calendar'] } : {}),
        actor: e.metadata.actor,
        ...(e.metadata.reason !== undefined ? { reason: e.metadata.reason } : {}),
        businessTime: e.metadata.businessTime,
        recordedAt: e.recordedAt.toISOString(),
        data: e.data,
      })),
    };
  }
}
