import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { CommandContext } from '@crm/event-sourcing';
import { CLOCK, TimerHandlers } from '@crm/nest';
import { timerCommandId, type ClaimedTimer, type Clock } from '@crm/policy';
import { CUTOFF_TIMER, InvitationsApp, LIST_DUE_TIMER, RELEASE_TIMER } from './invitations-app';

const TIMER_ACTOR = { id: 'system:invitations.timers', role: 'system' } as const;

/**
 * The durable deadlines of a joint event: at each cut-off the missing lists are recorded and fined
 * and every claim of the event is checked for duplicates (INV-04/05/07); an hour before, the BUs
 * still owing the list are reminded; the next morning the day's lists are released (INV-04). Ids derive from the timer id, so a second firing appends nothing.
 */
@Injectable()
export class InvitationTimers implements OnModuleInit {
  constructor(
    private readonly app: InvitationsApp,
    private readonly handlers: TimerHandlers,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.on(CUTOFF_TIMER, (timer) => this.cutoff(timer));
    this.handlers.on(RELEASE_TIMER, (timer) => this.release(timer));
    this.handlers.on(LIST_DUE_TIMER, (timer) => this.remind(timer));
  }

  private async remind(timer: ClaimedTimer): Promise<void> {
    const { jointEventId, day } = timer.payload as { jointEventId: string; day: string };
    await this.app.onJointEvent(
      jointEventId,
      { type: 'RemindListsDue', data: { day } },
      this.context(timer),
      {
        deterministicIds: true,
      },
    );
  }

  private context(timer: ClaimedTimer): CommandContext {
    return {
      actor: TIMER_ACTOR,
      now: this.clock.now(),
      commandId: timerCommandId(timer.id),
      correlationId: timer.id,
      causationId: timer.id,
    };
  }

  private async cutoff(timer: ClaimedTimer): Promise<void> {
    const { jointEventId, day } = timer.payload as { jointEventId: string; day: string };
    const context = this.context(timer);
    await this.app.onJointEvent(jointEventId, { type: 'RecordFilingCutoff', data: { day } }, context, {
      deterministicIds: true,
    });
    await this.app.checkAll(jointEventId, timer.id, context);
  }

  private async release(timer: ClaimedTimer): Promise<void> {
    const { jointEventId, day } = timer.payload as { jointEventId: string; day: string };
    await this.app.onJointEvent(
      jointEventId,
      { type: 'ReleaseInvitationLists', data: { day } },
      this.context(timer),
      {
        deterministicIds: true,
      },
    );
  }
}
