import { deterministicUuid } from '@crm/event-sourcing';

export type TimerStatus = 'scheduled' | 'fired' | 'cancelled' | 'failed';

export type TimerPayload = Readonly<Record<string, unknown>>;

export interface Timer<TPayload extends TimerPayload = TimerPayload> {
  readonly id: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: TPayload;
  readonly status: TimerStatus;
  readonly attempts: number;
  readonly lastError?: string;
  readonly firedAt?: Date;
  readonly lockedUntil?: Date;
}

/**
 * A timer this process holds a lease on. `lease` is the exact `locked_until` written by the claim:
 * marking fired/failed only succeeds while it is unchanged, so a claimant whose lease expired (and
 * was re-claimed by another poller) or whose timer was rescheduled cannot overwrite newer state.
 */
export interface ClaimedTimer<TPayload extends TimerPayload = TimerPayload> extends Timer<TPayload> {
  readonly lease: Date;
}

export type TimerHandler = (timer: ClaimedTimer) => Promise<void>;

export type ScheduleOutcome = 'scheduled' | 'unchanged' | 'rescheduled';

export class TimerConflictError extends Error {
  constructor(
    readonly timerId: string,
    readonly status: TimerStatus,
  ) {
    super(
      `timer ${timerId} is ${status}; it cannot be rescheduled with a different kind, due time or payload`,
    );
    this.name = 'TimerConflictError';
  }
}

/**
 * Ids for what a timer causes. A handler must derive its command id and event ids from these so
 * that a second firing (at-least-once) appends nothing new: the event store treats re-appended ids
 * as a no-op.
 */
export const timerCommandId = (timerId: string): string => deterministicUuid('timer-command', timerId);

export const timerEventId = (timerId: string, index = 0): string =>
  deterministicUuid('timer-event', timerId, String(index));
