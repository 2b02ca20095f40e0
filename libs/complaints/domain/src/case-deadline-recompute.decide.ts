import type { OpenCase } from './case';
import type { ComputedDeadline } from './case.commands';
import type { CaseEvent, DeadlineRecomputedData } from './case.events';

const settled = (c: OpenCase): boolean =>
  c.resolvedAt !== undefined || c.status === 'closed' || c.status === 'archived';

/**
 * The deadline in force, computed again on another calendar version. Only a working-day deadline
 * of an unresolved case that is not overdue yet moves (an overdue decision already fined and asked
 * for the transfer; a later calendar does not undo that); an identical result records nothing.
 */
export const decideRecompute = (
  deadline: ComputedDeadline,
  reason: DeadlineRecomputedData['reason'],
  c: OpenCase,
): CaseEvent[] => {
  if (settled(c) || c.dueAt === undefined || c.deadline?.basis !== 'working_days') return [];
  if (c.overdueFor.some((d) => Date.parse(d) === Date.parse(c.dueAt as string))) return [];
  const sameInstant = Date.parse(deadline.dueAt) === Date.parse(c.dueAt);
  const sameCalendar =
    deadline.calendar?.calendarVersion === c.deadline.calendar?.calendarVersion &&
    (deadline.calendar?.provisional ?? deadline.calendar?.calendarIncomplete) ===
      (c.deadline.calendar?.provisional ?? c.deadline.calendar?.calendarIncomplete);
  if (sameInstant && sameCalendar) return [];
  return [
    {
      type: 'CaseDeadlineRecomputed',
      data: {
        caseId: c.caseId,
        previousDueAt: c.dueAt,
        dueAt: deadline.dueAt,
        ...(deadline.warnAt !== undefined ? { warnAt: deadline.warnAt } : {}),
        from: c.deadline.from,
        reason,
        ...(c.deadline.calendar !== undefined ? { previousCalendar: c.deadline.calendar } : {}),
        ...(deadline.calendar !== undefined ? { calendar: deadline.calendar } : {}),
      },
    },
  ];
};
