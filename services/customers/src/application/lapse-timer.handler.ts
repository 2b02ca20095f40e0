import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CLOCK, TimerHandlers } from '@crm/nest';
import type { ClaimedTimer, Clock } from '@crm/policy';
import { CustomerCommands } from './customer-commands';
import { LAPSE_TIMER_KIND, LapseTimers, SYSTEM_ACTOR } from './lapse-timers';
import { CustomersPolicies } from '../policy/customers-policies';

/**
 * Fires `MarkLapsed` when a lapse timer falls due. The decider recomputes the deadline from the
 * customer's state, so a timer left from an earlier period (service arrived meanwhile) decides
 * nothing; the command id derives from the timer id, so a second firing appends nothing.
 */
@Injectable()
export class LapseTimerHandler implements OnModuleInit {
  constructor(
    private readonly handlers: TimerHandlers,
    private readonly commands: CustomerCommands,
    private readonly policies: CustomersPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.on(LAPSE_TIMER_KIND, (timer) => this.fire(timer));
  }

  private async fire(timer: ClaimedTimer): Promise<void> {
    const customerId = timer.payload['customerId'];
    if (typeof customerId !== 'string') throw new Error(`lapse timer ${timer.id} has no customerId`);
    const now = this.clock.now();
    const policy = await this.policies.lapse(now);
    const commandId = LapseTimers.commandIdFor(timer);
    if ((await this.commands.state(customerId)).status !== 'registered') return; // registration never committed
    await this.commands.execute(
      { type: 'MarkLapsed', data: { customerId, lapseAfterMonths: policy.params.lapseAfterMonths } },
      {
        actor: SYSTEM_ACTOR,
        now,
        commandId,
        correlationId: commandId,
        reason: 'no qualifying service within the lapse period (ARC-70)',
        policyVersion: policy.version,
      },
    );
  }
}
