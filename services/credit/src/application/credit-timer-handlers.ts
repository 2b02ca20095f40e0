import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CLOCK, TimerHandlers } from '@crm/nest';
import { timerCommandId, type ClaimedTimer, type Clock } from '@crm/policy';
import type { CreditAccountCommand, ReviewPeriod } from '@crm/credit-domain';
import { CustomerDirectoryReader } from '@crm/customers-directory-replica';
import { CreditAccountExecutor } from './credit-account.executor';
import { TIMER_KINDS, type AccountTimerPayload } from './credit-timers';

const ACTOR = { id: 'system:credit.timers', role: 'system' };

/** Timers re-enter as commands with a command id from the timer, so a second firing appends nothing. */
@Injectable()
export class CreditTimerHandlers implements OnModuleInit {
  constructor(
    private readonly handlers: TimerHandlers,
    private readonly executor: CreditAccountExecutor,
    private readonly directory: CustomerDirectoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    const on = (
      kind: string,
      toCommand: (p: AccountTimerPayload) => CreditAccountCommand | Promise<CreditAccountCommand>,
    ) => this.handlers.on(kind, (timer: ClaimedTimer) => this.fire(timer, toCommand));
    on(TIMER_KINDS.reviewDue, async (p) => ({
      type: 'MarkReviewDue',
      data: {
        period: String(p.period) as ReviewPeriod,
        dueAt: String(p.dueAt),
        // A customer's account id is its customer id (CRD-04): its owning BU is reminded.
        bu: (await this.directory.get(p.accountId))?.ownerBu ?? null,
      },
    }));
    on(TIMER_KINDS.reviewOverdue, (p) => ({
      type: 'MarkReviewOverdue',
      data: { period: String(p.period) as ReviewPeriod, dueAt: String(p.dueAt) },
    }));
    on(TIMER_KINDS.invoiceOverdue, (p) => ({
      type: 'MarkInvoiceOverdue',
      data: { invoiceId: String(p.invoiceId) },
    }));
    on(TIMER_KINDS.defaultEscalation, (p) => ({
      type: 'EscalateDefault',
      data: { invoiceId: String(p.invoiceId) },
    }));
    on(TIMER_KINDS.renewalWindow, (p) => ({
      type: 'OpenRenewalWindow',
      data: { contractId: String(p.contractId) },
    }));
    on(TIMER_KINDS.contractEnd, (p) => ({
      type: 'EndContractPeriod',
      data: { contractId: String(p.contractId) },
    }));
    on(TIMER_KINDS.dossierStale, (p) => ({
      type: 'MarkDossierStale',
      data: { dossierVersion: Number(p.dossierVersion) },
    }));
  }

  private async fire(
    timer: ClaimedTimer,
    toCommand: (p: AccountTimerPayload) => CreditAccountCommand | Promise<CreditAccountCommand>,
  ): Promise<void> {
    const payload = timer.payload as AccountTimerPayload;
    const commandId = timerCommandId(timer.id);
    await this.executor.execute(
      payload.accountId,
      await toCommand(payload),
      {
        actor: ACTOR,
        now: this.clock.now(),
        commandId,
        correlationId: commandId,
        reason: `timer ${timer.kind}`,
      },
      { deterministicIds: true },
    );
  }
}
