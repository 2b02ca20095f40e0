import type { Pool, PoolClient } from 'pg';
import { deterministicUuid } from '@crm/event-sourcing';
import type { DurableTimers } from '@crm/policy';

export const WARN_TIMER = 'complaints.deadline.warn';
export const DUE_TIMER = 'complaints.deadline.due';
export const REMINDER_TIMER = 'complaints.overdue.reminder';
export const CLUSTER_TIMER = 'complaints.severity.cluster';

export type DeadlineTimerPayload = {
  readonly caseId: string;
  readonly dueAt: string;
  readonly sequence?: number;
};

export type ClusterTimerPayload = {
  readonly triggeredBy: string;
  readonly distinctCustomers: number;
  readonly caseIds: readonly string[];
};

/**
 * Raising the earlier cases of a completed cluster to major: a timer due at once, scheduled in the
 * registration's transaction, so the follow-up survives a crash and is retried until done.
 */
export const scheduleClusterRaise = async (
  timers: DurableTimers,
  payload: ClusterTimerPayload,
  db: Pool | PoolClient,
  at: Date,
): Promise<void> => {
  const within = 'release' in db ? { within: db } : {};
  await timers.schedule(
    deterministicUuid('case-cluster', payload.triggeredBy),
    at,
    CLUSTER_TIMER,
    payload,
    within,
  );
};

/** The next reminder for an overdue deadline; idempotent by (case, deadline, sequence). */
export const scheduleReminder = async (
  timers: DurableTimers,
  reminder: { caseId: string; dueAt: string; sequence: number; at: Date },
): Promise<void> => {
  const payload: DeadlineTimerPayload = {
    caseId: reminder.caseId,
    dueAt: reminder.dueAt,
    sequence: reminder.sequence,
  };
  const id = deterministicUuid('case-reminder', reminder.caseId, reminder.dueAt, String(reminder.sequence));
  await timers.schedule(id, reminder.at, REMINDER_TIMER, payload);
};

/**
 * One warning and one due timer per (case, deadline). A moved deadline gets new timers; the old
 * ones still fire but decide nothing (the domain compares the deadline they were set for).
 */
export const scheduleDeadlineTimers = async (
  timers: DurableTimers,
  deadline: { caseId: string; dueAt: string; warnAt?: string },
  db?: Pool | PoolClient,
): Promise<void> => {
  const payload: DeadlineTimerPayload = { caseId: deadline.caseId, dueAt: deadline.dueAt };
  // Only a checked-out client is a transaction the timers can join; a pool means "on its own".
  const within = db !== undefined && 'release' in db ? { within: db } : {};
  const instants = [
    ['warn', WARN_TIMER, deadline.warnAt],
    ['due', DUE_TIMER, deadline.dueAt],
  ] as const;
  for (const [suffix, kind, at] of instants) {
    if (at === undefined) continue;
    const id = deterministicUuid('case-deadline', deadline.caseId, deadline.dueAt, suffix);
    await timers.schedule(id, new Date(at), kind, payload, within);
  }
};
