import type { CommandContext } from '@crm/event-sourcing';
import { type ClaimedTimer, type Clock, timerCommandId } from '@crm/policy';
import type { CaseCommandHandler } from './case-command.handler';
import {
  CLUSTER_TIMER,
  type ClusterTimerPayload,
  type DeadlineTimerPayload,
  DUE_TIMER,
  REMINDER_TIMER,
  WARN_TIMER,
} from './deadline-timers';
import type { CaseCommand } from '@crm/complaints-domain';

const SYSTEM_ACTOR = { id: 'system:deadline-timer', role: 'system' };

const contextFor = (timer: ClaimedTimer, clock: Clock): CommandContext => ({
  actor: SYSTEM_ACTOR,
  now: clock.now(),
  // Derived from the timer: a second firing is recognised as the same command and appends nothing.
  commandId: timerCommandId(timer.id),
  correlationId: timer.id,
  reason: `deadline timer ${timer.kind}`,
});

/** Deadline timers → warning / overdue / reminder commands (at-least-once firing, idempotent commands). */
export const deadlineTimerHandlers = (
  cases: CaseCommandHandler,
  clock: Clock,
): Record<string, (timer: ClaimedTimer) => Promise<void>> => {
  const issue = (type: 'WarnDeadline' | 'MarkOverdue' | 'RemindOverdue') => async (timer: ClaimedTimer) => {
    const { caseId, dueAt, sequence } = timer.payload as DeadlineTimerPayload;
    const command: CaseCommand =
      type === 'RemindOverdue'
        ? { type, data: { deadlineDueAt: dueAt, sequence: sequence ?? 2 } }
        : { type, data: { deadlineDueAt: dueAt } };
    await cases.fire(caseId, command, contextFor(timer, clock));
  };
  return {
    [WARN_TIMER]: issue('WarnDeadline'),
    [DUE_TIMER]: async (timer) => {
      const { caseId, dueAt } = timer.payload as DeadlineTimerPayload;
      await cases.markOverdue(caseId, dueAt, contextFor(timer, clock));
    },
    [REMINDER_TIMER]: issue('RemindOverdue'),
    [CLUSTER_TIMER]: async (timer) => {
      const payload = timer.payload as ClusterTimerPayload;
      for (const caseId of payload.caseIds.filter((id) => id !== payload.triggeredBy)) {
        await cases.fire(caseId, { type: 'RaiseSeverity', data: payload }, contextFor(timer, clock));
      }
    },
  };
};
