import type { Pool } from 'pg';
import { metadataFrom, type CommandContext } from '@crm/event-sourcing';
import { handleCommand, loadStream, runUnitOfWork, type EventStore } from '@crm/event-store';
import {
  customerDecider,
  customerStreamId,
  evolveCustomer,
  initialCustomer,
  type Customer,
  type CustomerCommand,
  type CorrectCustomerData,
  type CustomerEvent,
  type ForgetCustomer,
} from '@crm/customers-domain';
import { deterministicUuid } from '@crm/event-sourcing';
import type { PiiVault } from '../pii/pii-vault';
import type { LapseTimers } from './lapse-timers';

export interface CustomerCommandResult {
  readonly events: readonly CustomerEvent[];
  readonly state: Customer;
  readonly alreadyHandled: boolean;
}

/**
 * Every command on a customer's stream after registration goes through here: load, decide,
 * append (re-deciding after a concurrent append), then keep the lapse timer in step (the new
 * period's timer before the append, the old one's cancellation after). Event ids
 * derive from the command id, so a command issued again with the same id (Kafka redelivery, timer
 * firing twice, Idempotency-Key retry) appends nothing new.
 */
export class CustomerCommands {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly vault: PiiVault,
    private readonly lapse: LapseTimers,
  ) {}

  /** The customer's current state, read from its stream. */
  async state(customerId: string): Promise<Customer> {
    return (await loadStream(this.store, customerStreamId(customerId), evolveCustomer, initialCustomer()))
      .state;
  }

  async execute(
    command: Exclude<CustomerCommand, ForgetCustomer | CorrectCustomerData>,
    context: CommandContext,
  ): Promise<CustomerCommandResult> {
    const streamId = customerStreamId(command.data.customerId);
    const loaded = await loadStream(this.store, streamId, evolveCustomer, initialCustomer());
    const before = loaded.state;
    if (!loaded.events.some((e) => e.metadata.commandId === context.commandId)) {
      // The new period's timer is scheduled *before* the append: a crash in between leaves at worst a
      // timer for a period that never started, which decides nothing when it fires. Scheduling after
      // the append could instead lose the timer. (The decision is pure, so deciding twice is safe; a
      // refusal throws here exactly as it would in handleCommand.)
      const predicted = customerDecider.decide(command, before, context).reduce(evolveCustomer, before);
      await this.lapse.ensureFor(predicted);
    }
    const result = await handleCommand(this.store, streamId, customerDecider, command, context, {
      retries: 5,
      deterministicIds: true,
    });
    await this.lapse.sync(before, result.state);
    return { events: result.events, state: result.state, alreadyHandled: result.alreadyHandled };
  }

  /**
   * Crypto-shredding (architecture §8): the `CustomerForgotten` event and the deletion of the key
   * commit in one transaction, so there is never a forgotten record whose data can still be opened,
   * nor a deleted key without the event that explains it.
   */
  async forget(command: ForgetCustomer, context: CommandContext): Promise<CustomerCommandResult> {
    const streamId = customerStreamId(command.data.customerId);
    const loaded = await loadStream(this.store, streamId, evolveCustomer, initialCustomer());
    const events = customerDecider.decide(command, loaded.state, context);
    await runUnitOfWork(this.store, this.pool, async ({ append, db }) => {
      if (events.length > 0) {
        await append(
          streamId,
          events.map((e, i) => ({
            id: deterministicUuid('event', streamId, context.commandId, String(i)),
            type: e.type,
            data: e.data,
            metadata: metadataFrom(context),
          })),
          loaded.version,
        );
      }
      // Also when already forgotten: a key left behind by an interrupted earlier attempt goes now.
      await this.vault.forget(command.data.customerId, db);
    });
    const state = events.reduce(evolveCustomer, loaded.state);
    await this.lapse.sync(loaded.state, state);
    return { events, state, alreadyHandled: events.length === 0 };
  }
}
