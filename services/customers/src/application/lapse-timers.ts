import { DurableTimers, timerCommandId, type ClaimedTimer } from '@crm/policy';
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
 */
export class LapseTimers {
  constructor(
    private readonly timers: DurableTimers,
    private readonly policies: CustomersPolicies,
  ) {}

  async sync(before: Customer, after: Customer): Promise<void> {
    if (after.status !== 'registered') return;
    const previous = before.status === 'registered' ? before.lastServiceAt : undefined;
    // Not on lapsing: the lapse is decided by that very timer, which must still be marked fired.
    if (previous !== undefined && (previous !== after.lastServiceAt || after.forgotten)) {
      await this.timers.cancel(lapseTimerId(after.customerId, previous));
    }
    if (after.lapsed || after.forgotten) return;
    const { params } = await this.policies.lapse(this.timers.clock.now());
    await this.timers.schedule(
      lapseTimerId(after.customerId, after.lastServiceAt),
      new Date(lapseDeadline(after.lastServiceAt, params.lapseAfterMonths)),
      LAPSE_TIMER_KIND,
      { customerId: after.customerId, lastServiceAt: after.lastServiceAt },
    );
  }

  /** The command a fired timer issues; its id derives from the timer, so a second firing is a no-op. */
  static commandIdFor(timer: ClaimedTimer): string {
    return timerCommandId(timer.id);
  }
}
