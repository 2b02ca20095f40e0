import type { PoolClient } from 'pg';
import { DurableTimers, TimerConflictError, timerCommandId, type ClaimedTimer } from '@crm/policy';
import { lapseDeadline, type Customer } from '@crm/customers-domain';
import type { CustomersPolicies } from '../policy/customers-policies';

export const LAPSE_TIMER_KIND = 'customer.lapse';

/** One timer per lapse period: a fired timer is never moved, a new service opens a new period. */
export const lapseTimerId = (customerId: string, lastServiceAt: string): string =>
  `customer-lapse:${customerId}:${lastServiceAt}`;

export const SYSTEM_ACTOR = { id: 'system:customers', role: 'system' } as const;

/**
 * Keeps exactly one pending lapse timer per customer in step with its state (ARC-70): scheduled at
 * registration, moved on each qualifying service or change of hands, gone once lapsed or forgotten.
 * Scheduling is idempotent by timer id, so running this again after a retry changes nothing.
 * `within`: the transaction of the events that moved the period, so timer and events commit together.
 */
export class LapseTimers {
  constructor(
    private readonly timers: DurableTimers,
    private readonly policies: CustomersPolicies,
  ) {}

  async sync(before: Customer, after: Customer, within?: PoolClient): Promise<void> {
    if (after.status !== 'registered') return;
    const previous = before.status === 'registered' ? before.lastServiceAt : undefined;
    // Not on lapsing: the lapse is decided by that very timer, which must still be marked fired.
    if (previous !== undefined && (previous !== after.lastServiceAt || after.forgotten)) {
      await this.timers.cancel(lapseTimerId(after.customerId, previous), { within });
    }
    await this.ensureFor(after, within);
  }

  /** Schedules the timer of the state's current lapse period, if it can still lapse. */
  async ensureFor(state: Customer, within?: PoolClient): Promise<void> {
    if (state.status !== 'registered' || state.lapsed || state.forgotten) return;
    await this.ensure(state.customerId, state.lastServiceAt, within);
  }

  /** Schedules the timer of the period that started at `lastServiceAt` (a no-op when it exists). */
  async ensure(customerId: string, lastServiceAt: string, within?: PoolClient): Promise<void> {
    const { params } = await this.policies.lapse(this.timers.clock.now());
    try {
      await this.timers.schedule(
        lapseTimerId(customerId, lastServiceAt),
        new Date(lapseDeadline(lastServiceAt, params.lapseAfterMonths)),
        LAPSE_TIMER_KIND,
        { customerId, lastServiceAt },
        { within },
      );
    } catch (error) {
      // Settled under another policy version's period length: that period's decision was made.
      if (!(error instanceof TimerConflictError)) throw error;
    }
  }

  /** The command a fired timer issues; its id derives from the timer, so a second firing is a no-op. */
  static commandIdFor(timer: ClaimedTimer): string {
    return timerCommandId(timer.id);
  }
}
