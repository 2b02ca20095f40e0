import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { deterministicUuid, metadataFrom, type CommandContext } from '@crm/event-sourcing';
import {
  loadStream,
  runUnitOfWork,
  WrongExpectedVersionError,
  type EventStore,
  type NewEvent,
} from '@crm/event-store';
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
 * jittered pause below they settle well within this bound.
 */
const MAX_ATTEMPTS = 60;

const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 3)));

const toNewEvents = (
  streamId: string,
  events: readonly { readonly type: string; readonly data: unknown }[],
  context: CommandContext,
  deterministic: boolean,
): NewEvent[] =>
  events.map((e, index) => ({
    id: deterministic ? deterministicUuid('event', streamId, context.commandId, String(index)) : randomUUID(),
    type: e.type,
    data: e.data as Readonly<Record<string, unknown>>,
    metadata: metadataFrom(context),
  }));

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
    const decider = creditAccountDecider(accountId);
    const streamId = creditAccountStreamId(accountId);
    for (let attempt = 0; ; attempt++) {
      const loaded = await loadStream(this.store, streamId, decider.evolve, decider.initialState());
      const earlier = loaded.events.filter((e) => e.metadata.commandId === ctx.commandId);
      if (earlier.length > 0) {
        const events = earlier.map((e) => ({ type: e.type, data: e.data }) as unknown as CreditAccountEvent);
        return { events, state: loaded.state, alreadyHandled: true };
      }
      const events = decider.decide(command, loaded.state, ctx);
      if (events.length === 0) return { events, state: loaded.state, alreadyHandled: false };
      try {
        await runUnitOfWork(this.store, this.pool, async ({ append, db }) => {
          await append(
            streamId,
            toNewEvents(streamId, events, ctx, options.deterministicIds === true),
            loaded.version < 0 ? 'no_stream' : loaded.version,
          );
          for (const e of events) {
            // Every limit that takes effect passes the portfolio cap in the same transaction (CRD-31).
            if (e.type === 'CreditLimitGranted' || e.type === 'CreditLimitAdjusted') {
              const grantId = e.type === 'CreditLimitGranted' ? e.data.grantId : e.data.adjustmentId;
              await this.activateInPortfolio(
                { type: 'ActivateLimit', data: { accountId, grantId, limitFen: e.data.limitFen } },
                ctx,
                append,
              );
            }
          }
          // The PostgreSQL store hands a transaction client: timers commit with the decision.
          if (db !== this.pool) await scheduleTimersFor(this.timers, db as PoolClient, events, ctx.policy);
        });
        return { events, state: events.reduce(decider.evolve, loaded.state), alreadyHandled: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt + 1 >= MAX_ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  }

  /** Commands on the portfolio stream alone (setting the cap). */
  async executePortfolio(
    command: PortfolioCommand,
    base: CommandContext,
  ): Promise<readonly PortfolioEvent[]> {
    const ctx = await this.decisionContext(base);
    for (let attempt = 0; ; attempt++) {
      try {
        return await runUnitOfWork(this.store, this.pool, ({ append }) =>
          this.activateInPortfolio(command, ctx, append),
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt + 1 >= MAX_ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  }

  async portfolio() {
    return (await loadStream(this.store, PORTFOLIO_STREAM_ID, evolvePortfolio, initialPortfolio())).state;
  }

  private async activateInPortfolio(
    command: PortfolioCommand,
    ctx: CreditDecisionContext,
    append: (
      streamId: string,
      events: readonly NewEvent[],
      expected: number | 'no_stream',
    ) => Promise<unknown>,
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
