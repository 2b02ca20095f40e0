import type { Pool } from 'pg';
import type { CommandContext } from '@crm/event-sourcing';
import { handleCommand, loadStream, toNewEvents, type AppendFn, type EventStore } from '@crm/event-store';
import type { DurableTimers, PolicyRegistry } from '@crm/policy';
import {
  creditAccountDecider,
  creditAccountStreamId,
  CREDIT_POLICY_ID,
  decidePortfolio,
  evolvePortfolio,
  initialPortfolio,
  PORTFOLIO_STREAM_ID,
  readCreditPolicy,
  type CreditAccount,
  type CreditAccountCommand,
  type CreditAccountEvent,
  type CreditDecisionContext,
  type PortfolioCommand,
  type PortfolioEvent,
} from '@crm/credit-domain';
import { scheduleTimersFor } from './credit-timers';
import { KeyedQueue } from './keyed-queue';

export interface ExecuteOptions {
  /** Event ids from (stream, commandId, index): for commands re-issued by timers or Kafka messages. */
  readonly deterministicIds?: boolean;
}

export interface Executed {
  readonly events: readonly CreditAccountEvent[];
  readonly state: CreditAccount;
  readonly alreadyHandled: boolean;
}

/**
 * Re-decisions after a concurrent append. Within one process decisions on an account are queued,
 * so conflicts come only from other processes (replicas) or the portfolio stream; with the
 * platform's jittered pause between attempts they settle well within this bound.
 */
const RETRIES = 59;

const portfolioDecider = {
  initialState: initialPortfolio,
  decide: decidePortfolio,
  evolve: evolvePortfolio,
};

/**
 * One command on one credit account, like handleCommand (load, decide, append at the loaded
 * version, decide again after a conflict, never decide a commandId twice), plus what must commit
 * with the decision in one transaction: the portfolio stream when a limit takes effect (the cap
 * holds under concurrent grants) and the durable timers the events call for.
 */
export class CreditAccountExecutor {
  private readonly accounts = new KeyedQueue();

  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly policies: PolicyRegistry,
    private readonly timers: DurableTimers,
  ) {}

  async decisionContext(base: CommandContext): Promise<CreditDecisionContext> {
    const policy = await this.policies.current(CREDIT_POLICY_ID, base.now);
    return {
      ...base,
      policy: readCreditPolicy(policy.params, policy.version),
      policyVersion: policy.version,
    };
  }

  execute(
    accountId: string,
    command: CreditAccountCommand,
    base: CommandContext,
    options: ExecuteOptions = {},
  ): Promise<Executed> {
    return this.accounts.run(accountId, () => this.decideAndAppend(accountId, command, base, options));
  }

  private async decideAndAppend(
    accountId: string,
    command: CreditAccountCommand,
    base: CommandContext,
    options: ExecuteOptions,
  ): Promise<Executed> {
    const ctx = await this.decisionContext(base);
    const result = await handleCommand(
      this.store,
      creditAccountStreamId(accountId),
      creditAccountDecider(accountId),
      command,
      ctx,
      {
        retries: RETRIES,
        deterministicIds: options.deterministicIds === true,
        pool: this.pool,
        effects: async ({ events }, unit) => {
          for (const e of events) {
            // Every limit that takes effect passes the portfolio cap in the same transaction (CRD-31).
            if (e.type === 'CreditLimitGranted' || e.type === 'CreditLimitAdjusted') {
              const grantId = e.type === 'CreditLimitGranted' ? e.data.grantId : e.data.adjustmentId;
              await this.activateInPortfolio(
                { type: 'ActivateLimit', data: { accountId, grantId, limitFen: e.data.limitFen } },
                ctx,
                unit.append,
              );
            }
          }
          if (unit.transaction !== undefined) {
            await scheduleTimersFor(this.timers, unit.transaction, events, ctx.policy);
          }
        },
      },
    );
    return { events: result.events, state: result.state, alreadyHandled: result.alreadyHandled };
  }

  /** Commands on the portfolio stream alone (setting the cap). */
  async executePortfolio(
    command: PortfolioCommand,
    base: CommandContext,
  ): Promise<readonly PortfolioEvent[]> {
    const ctx = await this.decisionContext(base);
    const result = await handleCommand(this.store, PORTFOLIO_STREAM_ID, portfolioDecider, command, ctx, {
      retries: RETRIES,
    });
    return result.events;
  }

  async portfolio() {
    return (await loadStream(this.store, PORTFOLIO_STREAM_ID, evolvePortfolio, initialPortfolio())).state;
  }

  private async activateInPortfolio(
    command: PortfolioCommand,
    ctx: CreditDecisionContext,
    append: AppendFn,
  ): Promise<readonly PortfolioEvent[]> {
    const loaded = await loadStream(this.store, PORTFOLIO_STREAM_ID, evolvePortfolio, initialPortfolio());
    const events = decidePortfolio(command, loaded.state, ctx);
    await append(
      PORTFOLIO_STREAM_ID,
      toNewEvents(PORTFOLIO_STREAM_ID, events, ctx, false),
      loaded.version < 0 ? 'no_stream' : loaded.version,
    );
    return events;
  }
}
