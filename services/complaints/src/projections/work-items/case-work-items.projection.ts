import type { StoredEvent } from '@crm/event-store';
import {
  monetaryTotalFen,
  type CaseAssigned,
  type CaseDeadlineSet,
  type CaseRegistered,
  type CustomerRejected,
  type ReceiverTransferred,
  type ResolutionProposed,
  type SeverityAssessed,
} from '@crm/complaints-domain';
import {
  defineProjection,
  type ProjectionContext,
  removeWorkItem,
  upsertWorkItem,
  type WorkItemApproval,
  type WorkItemAudience,
  workItemsTable,
} from '@crm/projections';
import { CASE_WORK, type CaseWorkRow, caseWorkTable, changeCaseWork } from './case-work.table';

const itemId = (caseId: string): string => `case:${caseId}`;

const STAGE_ITEMS = {
  intake: { kind: 'caseToAssign', titleKey: 'workItems.complaints.caseToAssign' },
  handling: { kind: 'caseToHandle', titleKey: 'workItems.complaints.caseToHandle' },
  approval: { kind: 'resolutionToApprove', titleKey: 'workItems.complaints.resolutionToApprove' },
} as const;

/**
 * Who holds the case now: the first receiver until it is assigned (首問負責制), then the handler,
 * and while a resolution waits for approval the approver the amount requires (a bu_manager of
 * the responsible BU; the cs_manager or the GM wherever they sit).
 */
const audienceOf = (row: CaseWorkRow): WorkItemAudience => {
  if (row.stage === 'approval' && row.approver_role !== null) {
    return row.approver_role === 'bu_manager' && row.responsible_bu !== null
      ? { role: row.approver_role, bu: row.responsible_bu }
      : { role: row.approver_role };
  }
  return { employeeId: row.stage === 'intake' ? row.receiver_id : (row.handler_id ?? row.receiver_id) };
};

/** Codes an approver chooses from to send a resolution back (`workItems.reasons.<code>`). */
export const RESOLUTION_SEND_BACK_REASONS = [
  'amount_too_high',
  'facts_unclear',
  'responsibility_unclear',
  'not_within_policy',
  'other',
] as const;

/**
 * A resolution waiting for the approver its amount requires (≤ 500 yuan cs_manager, ≤ 5,000
 * bu_manager, above gm); sending it back is the refusal.
 */
const resolutionApproval = (row: CaseWorkRow): WorkItemApproval => ({
  requestedBy: row.approval_requested_by,
  requestedAt: row.approval_requested_at,
  basis: {
    totalFen: row.approval_total_fen === null ? null : Number(row.approval_total_fen),
    requiredApprover: row.approver_role,
    responsibleBu: row.responsible_bu,
  },
  rule: 'CMP-APR-07',
  approve: { method: 'POST', path: `/cases/${row.case_id}/resolution/approval`, withReason: false },
  refuse: { method: 'POST', path: `/cases/${row.case_id}/resolution/send-back`, withReason: true },
  reasons: RESOLUTION_SEND_BACK_REASONS,
});

/** One item per open case, due at the case's deadline; overdue or major cases are high priority. */
const refresh = async (row: CaseWorkRow | undefined, ctx: ProjectionContext): Promise<void> => {
  if (row === undefined) return;
  const { kind, titleKey } = STAGE_ITEMS[row.stage];
  await upsertWorkItem(ctx, {
    id: itemId(row.case_id),
    kind,
    titleKey,
    titleParams: {
      caseId: row.case_id,
      caseNumber: row.number,
      caseKind: row.kind,
      subject: row.subject,
      overdue: row.overdue,
    },
    dueAt: row.due_at?.toISOString() ?? null,
    priority: row.overdue || row.major ? 'high' : 'normal',
    link: `/complaints/cases/${row.case_id}`,
    audience: audienceOf(row),
    ...(row.stage === 'approval' ? { approval: resolutionApproval(row) } : {}),
  });
};

const onRegistered = async (d: CaseRegistered['data'], ctx: ProjectionContext): Promise<void> => {
  await ctx.manager.query(
    `INSERT INTO ${ctx.table(CASE_WORK)} (case_id, number, kind, subject, receiver_id, stage)
     VALUES ($1, $2, $3, $4, $5, 'intake') ON CONFLICT DO NOTHING`,
    [d.caseId, d.number, d.kind, d.subject, d.receiverId],
  );
  await refresh(await changeCaseWork(ctx, d.caseId, {}), ctx);
};

const finished = async (caseId: string, ctx: ProjectionContext): Promise<void> => {
  await ctx.manager.query(`DELETE FROM ${ctx.table(CASE_WORK)} WHERE case_id = $1`, [caseId]);
  await removeWorkItem(ctx, itemId(caseId));
};

/**
 * The complaints inbox: each open case in the hands of whoever must act on it next (receiver,
 * handler, approver), due at its deadline; gone when the case is closed.
 */
export const caseWorkItemsProjection = defineProjection({
  name: 'case_work_items',
  version: 2,
  handles: [
    'CaseRegistered',
    'CaseDeadlineSet',
    'SeverityAssessed',
    'ReceiverTransferred',
    'CaseAssigned',
    'ResolutionProposed',
    'ResolutionApproved',
    'ResolutionSentBack',
    'CustomerRejected',
    'CaseOverdue',
    'CaseClosed',
    'CaseArchived',
  ],
  tables: [workItemsTable, caseWorkTable],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const caseId = (event.data as { caseId: string }).caseId;
    const change = (c: Parameters<typeof changeCaseWork>[2]) =>
      changeCaseWork(ctx, caseId, c).then((row) => refresh(row, ctx));
    switch (event.type) {
      case 'CaseRegistered':
        return onRegistered(event.data as CaseRegistered['data'], ctx);
      case 'CaseDeadlineSet':
        return change({ due_at: (event.data as CaseDeadlineSet['data']).dueAt, overdue: false });
      case 'SeverityAssessed':
        return change({ major: (event.data as SeverityAssessed['data']).severity === 'major' });
      case 'ReceiverTransferred':
        return change({ receiver_id: (event.data as ReceiverTransferred['data']).toReceiverId });
      case 'CaseAssigned': {
        const d = event.data as CaseAssigned['data'];
        return change({ handler_id: d.handlerId, responsible_bu: d.responsibleBu, stage: 'handling' });
      }
      case 'ResolutionProposed': {
        const d = event.data as ResolutionProposed['data'];
        return change(
          d.requiredApprover !== null
            ? {
                stage: 'approval',
                approver_role: d.requiredApprover,
                approval_total_fen: monetaryTotalFen(d.items),
                approval_requested_by: event.metadata.actor.id,
                approval_requested_at: event.metadata.businessTime,
              }
            : { stage: 'handling' },
        );
      }
      case 'ResolutionApproved':
      case 'ResolutionSentBack':
        return change({ stage: 'handling', approver_role: null });
      case 'CustomerRejected':
        // Escalated: the handler works it again at a higher level; a linked case is a new case.
        return (event.data as CustomerRejected['data']).outcome === 'escalated'
          ? change({ stage: 'handling', approver_role: null })
          : undefined;
      case 'CaseOverdue':
        return change({ overdue: true });
      case 'CaseClosed':
      case 'CaseArchived':
        return finished(caseId, ctx);
    }
  },
});
