import { DomainError, deterministicUuid } from '@crm/event-sourcing';
import type { OpenCase } from './case';
import type { ExtendDeadline, MarkOverdue, RemindOverdue, WarnDeadline } from './case.commands';
import type { CaseEvent } from './case.events';
import { type CaseDecisionContext, refuseState, requireRole } from './case-context';
import { employeePayee, fine, managerPayee } from './fines';
import { decideRecompute } from './case-deadline-recompute.decide';

const isComplaintLike = (c: OpenCase): boolean => c.kind === 'complaint' || c.kind === 'grievance';

/** A timer set for a deadline that has since moved, or a case already resolved, does nothing. */
const stillDue = (c: OpenCase, deadlineDueAt: string): boolean =>
  c.resolvedAt === undefined &&
  c.dueAt !== undefined &&
  Date.parse(c.dueAt) === Date.parse(deadlineDueAt) &&
  c.status !== 'closed' &&
  c.status !== 'archived';

/** One extension, 3 → 7 working days, approved by a cs_manager (CMP-SLA-03). */
export const decideExtendDeadline = (
  cmd: ExtendDeadline,
  c: OpenCase,
  ctx: CaseDecisionContext,
): CaseEvent[] => {
  requireRole(ctx, ['cs_manager'], 'approve a deadline extension', 'CMP-SLA-03');
  if (!isComplaintLike(c)) {
    throw new DomainError(
      'rule',
      'case.extension_not_applicable',
      'only complaint and grievance deadlines extend',
      'CMP-SLA-03',
      {
        kind: c.kind,
      },
    );
  }
  if (c.resolvedAt !== undefined || c.status === 'closed' || c.status === 'archived')
    throw refuseState(c, 'extend the deadline of');
  if (c.deadlineExtended) {
    throw new DomainError(
      'rule',
      'case.extension_used',
      'the deadline was already extended once',
      'CMP-SLA-03',
      {
        dueAt: c.dueAt,
      },
    );
  }
  if (c.overdueFor.length > 0) {
    // Overdue has already fined and asked for the transfer; an extension cannot undo that.
    throw new DomainError(
      'rule',
      'case.extension_too_late',
      'the deadline has already passed',
      'CMP-SLA-03',
      {
        dueAt: c.dueAt,
      },
    );
  }
  const { deadline } = cmd.data;
  return [
    {
      type: 'CaseDeadlineSet',
      data: {
        caseId: c.caseId,
        dueAt: deadline.dueAt,
        ...(deadline.warnAt !== undefined ? { warnAt: deadline.warnAt } : {}),
        basis: 'working_days',
        amount: ctx.policy.deadlines.extendedWorkingDays,
        // The extension counts from when the customer raised it, like the first deadline.
        from: c.receivedAt ?? c.registeredAt,
        extension: true,
        approvedBy: ctx.actor.id,
        rule: 'CMP-SLA-03',
        policyVersion: ctx.policyVersion,
        ...(deadline.calendar !== undefined ? { calendar: deadline.calendar } : {}),
      },
    },
  ];
};

export const decideWarn = (cmd: WarnDeadline, c: OpenCase): CaseEvent[] => {
  if (!stillDue(c, cmd.data.deadlineDueAt)) return [];
  const notify = [c.handlerId ?? c.receiverId];
  return [
    { type: 'DeadlineWarningIssued', data: { caseId: c.caseId, dueAt: cmd.data.deadlineDueAt, notify } },
  ];
};

/** A reminder (催辦) to the handler and the BU manager (CMP-OVD-03). */
const reminder = (c: OpenCase, dueAt: string, sequence: number): CaseEvent => ({
  type: 'OverdueReminderIssued',
  data: {
    caseId: c.caseId,
    dueAt,
    sequence,
    to: [
      { role: 'handler', id: c.handlerId ?? c.receiverId },
      { role: 'bu_manager', bu: c.responsibleBu ?? c.concernedBu },
    ],
    rule: 'CMP-OVD-03',
  },
});

/** Reminders repeat while the overdue case stays unresolved; a resolved or moved deadline stops them. */
export const decideRemind = (cmd: RemindOverdue, c: OpenCase): CaseEvent[] => {
  const { deadlineDueAt, sequence } = cmd.data;
  const overdue = c.overdueFor.some((d) => Date.parse(d) === Date.parse(deadlineDueAt));
  return overdue && stillDue(c, deadlineDueAt) ? [reminder(c, deadlineDueAt, sequence)] : [];
};

/**
 * Deadline passed (CMP-OVD-03, CMP-32): overdue and a reminder; an unresolved complaint or grievance
 * also fines the BU manager and the employee concerned and asks the customers service, once per
 * case, to move the customer to another BU.
 */
export const decideOverdue = (cmd: MarkOverdue, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  const dueAt = cmd.data.deadlineDueAt;
  if (!stillDue(c, dueAt) || c.overdueFor.some((d) => Date.parse(d) === Date.parse(dueAt))) return [];
  const { recheck } = cmd.data;
  if (recheck !== undefined && Date.parse(recheck.dueAt) > ctx.now.getTime()) {
    // The calendar in force now puts the deadline later (a year's notice adopted since): not overdue.
    return decideRecompute(recheck, 'overdue_recheck', c);
  }
  const events: CaseEvent[] = [
    {
      type: 'CaseOverdue',
      data: {
        caseId: c.caseId,
        caseNumber: c.number,
        customerId: c.customerId,
        dueAt: c.dueAt ?? dueAt,
        detectedAt: ctx.now.toISOString(),
      },
    },
    reminder(c, dueAt, 1),
  ];
  if (!isComplaintLike(c)) return events;
  const { overdueFen } = ctx.policy.fines;
  const reason = 'unresolved past its deadline';
  events.push(...fine(c, managerPayee(c), overdueFen, 'CMP-32', reason, ctx));
  events.push(...fine(c, employeePayee(c), overdueFen, 'CMP-32', reason, ctx));
  if (!c.transferRequested) {
    events.push({
      type: 'CustomerTransferRequested',
      data: {
        requestId: deterministicUuid('customer-transfer', c.caseId),
        caseId: c.caseId,
        caseNumber: c.number,
        customerId: c.customerId,
        fromBu: c.concernedBu,
        employeeId: c.concernedEmployeeId,
        requestedAt: ctx.now.toISOString(),
        rule: 'CMP-32',
        policyVersion: ctx.policyVersion,
      },
    });
  }
  return events;
};
