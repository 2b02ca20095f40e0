import type { CommandContext } from '@crm/event-sourcing';
import { type ClaimedTimer, type Clock, timerCommandId } from '@crm/policy';
import type { CaseCommandHandler } from './case-command.handler';
import { type DeadlineTimerPayload, DUE_TIMER, WARN_TIMER } from './deadline-timers';

const SYSTEM_ACTOR = { id: 'system:deadline-timer', role: 'system' };

const contextFor = (timer: ClaimedTimer, clock: Clock): CommandContext => ({
  actor: SYSTEM_ACTOR,
  now: clock.now(),
  // Derived from the timer: a second firing is recognised as the same command and appends nothing.
  commandId: timerCommandId(timer.id),
  correlationId: timer.id,
  reason: `deadline timer ${timer.kind}`,
});

/** Deadline timers → warning / overdue commands (at-least-once firing, idempotent commands). */
export const deadlineTimerHandlers = (
  cases: CaseCommandHandler,
  clock: Clock,
): Record<string, (timer: ClaimedTimer) => Promise<void>> => {
  const issue = (type: 'WarnDeadline' | 'MarkOverdue') => async (timer: ClaimedTimer) => {
    const { caseId, dueAt } = timer.payload as DeadlineTimerPayload;
    await cases.execute(caseId, { type, data: { deadlineDueAt: dueAt } }, contextFor(timer, clock), {
      deterministic: true,
    });
  };
  return { [WARN_TIMER]: issue('WarnDeadline'), [DUE_TIMER]: issue('MarkOverdue') };
};
