import { DomainError } from '@crm/event-sourcing';
import type { OpenCase } from './case';
import type {
  ArchiveCase,
  AssignCase,
  ClassifyCase,
  CloseCase,
  DeclareNotEstablished,
  ExtendRetention,
  RaiseSeverity,
  RecordFollowUp,
  RecordInvestigation,
  TransferReceiver,
  WaiveFollowUp,
} from './case.commands';
import type { CaseEvent } from './case.events';
import {
  addDays,
  type CaseDecisionContext,
  refuseConcernedEmployee,
  refuseState,
  requireStatus,
  requireText,
} from './case-context';
import { majorNotification } from './case-registration.decide';

const BEFORE_RESOLUTION: OpenCase['status'][] = ['registered', 'classified', 'assigned', 'investigated'];

export const decideClassify = (cmd: ClassifyCase, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireStatus(c, BEFORE_RESOLUTION, 'classify');
  const events: CaseEvent[] = [{ type: 'CaseClassified', data: { caseId: c.caseId, cause: cmd.data.cause } }];
  const severity = cmd.data.severity;
  if (severity !== undefined && severity !== c.severity) {
    events.push({
      type: 'SeverityAssessed',
      data: {
        caseId: c.caseId,
        severity,
        source: 'manual',
        rule: 'CMP-02',
        policyVersion: ctx.policyVersion,
      },
    });
    if (severity === 'major') events.push(majorNotification(c));
  }
  return events;
};

/** Earlier cases of a cluster become major when a later one completes it (CMP-TAX-12). */
export const decideRaiseSeverity = (
  cmd: RaiseSeverity,
  c: OpenCase,
  ctx: CaseDecisionContext,
): CaseEvent[] => {
  if (c.severity === 'major' || c.status === 'closed' || c.status === 'archived') return [];
  return [
    {
      type: 'SeverityAssessed',
      data: {
        caseId: c.caseId,
        severity: 'major',
        source: 'auto_cluster',
        rule: 'CMP-TAX-12',
        evidence: {
          triggeredBy: cmd.data.triggeredBy,
          distinctCustomers: cmd.data.distinctCustomers,
          caseIds: cmd.data.caseIds,
          windowDays: ctx.policy.severity.clusterWindowDays,
        },
        policyVersion: ctx.policyVersion,
      },
    },
    majorNotification(c),
  ];
};

/** Assignment names the handler; never the employee the case is about (CMP-INT-11). */
export const decideAssign = (cmd: AssignCase, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireStatus(c, ['classified', 'assigned', 'investigated'], 'assign');
  refuseConcernedEmployee(c, cmd.data.handlerId, 'handle');
  refuseConcernedEmployee(c, ctx.actor.id, 'assign');
  return [
    {
      type: 'CaseAssigned',
      data: {
        caseId: c.caseId,
        handlerId: cmd.data.handlerId,
        responsibleBu: requireText(cmd.data.responsibleBu, 'responsibleBu'),
      },
    },
  ];
};

/** Only an explicit transfer moves first-contact responsibility (CMP-PRN-07). */
export const decideTransfer = (cmd: TransferReceiver, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  if (c.status === 'closed' || c.status === 'archived') throw refuseState(c, 'transfer');
  if (ctx.actor.id !== c.receiverId && ctx.actor.role !== 'cs_manager') {
    throw new DomainError(
      'forbidden',
      'case.not_receiver',
      'only the accountable receiver or a cs_manager transfers a case',
      'CMP-PRN-07',
      {
        receiverId: c.receiverId,
      },
    );
  }
  if (cmd.data.toReceiverId === c.receiverId) {
    throw new DomainError(
      'invalid',
      'case.same_receiver',
      'the case is already with this receiver',
      undefined,
      {
        field: 'toReceiverId',
      },
    );
  }
  refuseConcernedEmployee(c, cmd.data.toReceiverId, 'handle');
  return [
    {
      type: 'ReceiverTransferred',
      data: {
        caseId: c.caseId,
        fromReceiverId: c.receiverId,
        toReceiverId: cmd.data.toReceiverId,
        toBu: cmd.data.toBu,
      },
    },
  ];
};

export const decideInvestigate = (
  cmd: RecordInvestigation,
  c: OpenCase,
  ctx: CaseDecisionContext,
): CaseEvent[] => {
  requireStatus(c, ['assigned', 'investigated'], 'record an investigation for');
  refuseConcernedEmployee(c, ctx.actor.id, 'handle');
  return [
    {
      type: 'CaseInvestigated',
      data: { caseId: c.caseId, findings: requireText(cmd.data.findings, 'findings') },
    },
  ];
};

/** A complaint found not established (CMP-TAX-18/19): published so collection is not paused. */
export const decideNotEstablished = (
  cmd: DeclareNotEstablished,
  c: OpenCase,
  ctx: CaseDecisionContext,
): CaseEvent[] => {
  requireStatus(c, BEFORE_RESOLUTION, 'declare not established');
  if (c.kind !== 'complaint' && c.kind !== 'grievance') {
    throw new DomainError(
      'rule',
      'case.not_a_complaint',
      'only complaints and grievances can be not established',
      'CMP-TAX-19',
      {
        kind: c.kind,
      },
    );
  }
  refuseConcernedEmployee(c, ctx.actor.id, 'approve');
  return [
    {
      type: 'CaseNotEstablished',
      data: {
        caseId: c.caseId,
        caseNumber: c.number,
        customerId: c.customerId,
        reason: requireText(cmd.data.reason, 'reason'),
        decidedBy: ctx.actor.id,
        decidedAt: ctx.now.toISOString(),
      },
    },
  ];
};

const followUpReady = (c: OpenCase): boolean =>
  c.status === 'accepted' ||
  c.status === 'not_established' ||
  (c.status === 'replied' && (c.kind === 'inquiry' || c.kind === 'suggestion'));

const requireFollowUpReady = (c: OpenCase, action: string): void => {
  if (!followUpReady(c)) {
    throw new DomainError(
      'conflict',
      'case.invalid_state',
      `cannot ${action} a case that is ${c.status}`,
      'CMP-FUP-02',
      {
        status: c.status,
      },
    );
  }
};

export const decideFollowUp = (cmd: RecordFollowUp, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireFollowUpReady(c, 'follow up');
  refuseConcernedEmployee(c, ctx.actor.id, 'survey');
  const { satisfaction, note } = cmd.data;
  if (!Number.isInteger(satisfaction) || satisfaction < 1 || satisfaction > 5) {
    throw new DomainError('invalid', 'case.satisfaction_range', 'satisfaction is 1 to 5', undefined, {
      field: 'satisfaction',
    });
  }
  return [
    {
      type: 'FollowUpRecorded',
      data: {
        caseId: c.caseId,
        satisfaction,
        surveyorId: ctx.actor.id,
        ...(note !== undefined ? { note } : {}),
      },
    },
  ];
};

export const decideWaive = (cmd: WaiveFollowUp, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireFollowUpReady(c, 'waive the follow-up of');
  if (!ctx.policy.allowFollowUpWaiver) {
    throw new DomainError(
      'rule',
      'case.waiver_not_allowed',
      'the policy in force requires a follow-up',
      'CMP-FUP-02',
    );
  }
  refuseConcernedEmployee(c, ctx.actor.id, 'survey');
  return [
    {
      type: 'FollowUpWaived',
      data: { caseId: c.caseId, reason: requireText(cmd.data.reason, 'reason'), waivedBy: ctx.actor.id },
    },
  ];
};

/** Closing needs a reply (or a not-established finding) and a follow-up or a reasoned waiver. */
export const decideClose = (cmd: CloseCase, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireFollowUpReady(c, 'close');
  if (c.followUp === undefined) {
    throw new DomainError(
      'rule',
      'case.follow_up_missing',
      'a case closes after a follow-up with satisfaction or a waiver',
      'CMP-FUP-02',
      {
        status: c.status,
      },
    );
  }
  const onTime =
    c.dueAt === undefined || c.resolvedAt === undefined
      ? null
      : Date.parse(c.resolvedAt) <= Date.parse(c.dueAt);
  const minutes = cmd.data.workingMinutesToResolve;
  return [
    {
      type: 'CaseClosed',
      data: {
        caseId: c.caseId,
        closedAt: ctx.now.toISOString(),
        onTime,
        ...(minutes !== undefined ? { workingMinutesToResolve: minutes } : {}),
      },
    },
  ];
};

/** Archived records are kept ⚙ 1 year after closing (CMP-ARC-01). */
export const decideArchive = (_: ArchiveCase, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireStatus(c, ['closed'], 'archive');
  return [
    {
      type: 'CaseArchived',
      data: {
        caseId: c.caseId,
        retainUntil: addDays(c.closedAt ?? ctx.now.toISOString(), ctx.policy.retentionDays),
        rule: 'CMP-ARC-01',
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

export const decideExtendRetention = (cmd: ExtendRetention, c: OpenCase): CaseEvent[] => {
  requireStatus(c, ['archived'], 'extend the retention of');
  const until = Date.parse(cmd.data.retainUntil);
  if (Number.isNaN(until) || until <= Date.parse(c.retainUntil ?? '')) {
    throw new DomainError(
      'rule',
      'case.retention_shortened',
      'retention can only be extended',
      'CMP-ARC-01',
      {
        retainUntil: c.retainUntil,
      },
    );
  }
  return [
    {
      type: 'RetentionExtended',
      data: {
        caseId: c.caseId,
        retainUntil: new Date(until).toISOString(),
        reason: requireText(cmd.data.reason, 'reason'),
      },
    },
  ];
};
