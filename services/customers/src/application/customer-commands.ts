import type { Pool } from 'pg';
import { metadataFrom, type CommandContext } from '@crm/event-sourcing';
import { handleCommand, loadStream, runUnitOfWork, toNewEvents, type EventStore } from '@crm/event-store';
import {
  customerDecider,
  customerStreamId,
  decideMobileRelease,
  mobileReservationDecider,
  mobileReservationStreamId,
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
 * append (re-deciding after a concurrent append) and keep the lapse timer in step, in one
 * transaction. Event ids
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
    const result = await handleCommand(
      this.store,
      customerStreamId(command.data.customerId),
      customerDecider,
      command,
      context,
      {
        retries: 5,
        deterministicIds: true,
        pool: this.pool,
        // The lapse timer moves in the events' transaction: neither commits without the other.
        effects: ({ before, state }, unit) => this.lapse.sync(before, state, unit.transaction),
      },
    );
    return { events: result.events, state: result.state, alreadyHandled: result.alreadyHandled };
  }

  /**
   * Crypto-shredding (architecture §8): the `CustomerForgotten` event, the release of the mobile
   * number's reservation and the deletion of the key commit in one transaction, so there is never a
   * forgotten record whose data can still be opened, a number still held by someone forgotten (the
   * person could not be registered again, and a refusal would name the forgotten record), nor a
   * deleted key without the event that explains it. The number is read while the key still exists.
   */
  async forget(command: ForgetCustomer, context: CommandContext): Promise<CustomerCommandResult> {
    const streamId = customerStreamId(command.data.customerId);
    const loaded = await loadStream(this.store, streamId, evolveCustomer, initialCustomer());
    const events = customerDecider.decide(command, loaded.state, context);
    const state = events.reduce(evolveCustomer, loaded.state);
    const release = events.length > 0 ? await this.mobileRelease(loaded.state, context) : undefined;
    await runUnitOfWork(this.store, this.pool, async ({ append, db, transaction }) => {
      if (release !== undefined && release.events.length > 0) {
        await append(
          release.streamId,
          toNewEvents(release.streamId, release.events, context, true),
          release.version,
        );
      }
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
      await this.lapse.sync(loaded.state, state, transaction);
    });
    return { events, state, alreadyHandled: events.length === 0 };
  }

  /** The `MobileReleased` that frees the customer's current number, decided on its reservation. */
  private async mobileRelease(customer: Customer, context: CommandContext) {
    if (customer.status !== 'registered' || customer.forgotten) return undefined;
    const opened = await this.vault.open(customer.customerId, customer.personalData);
    if (opened.status !== 'available') return undefined;
    const mobileKey = this.vault.mobileKey(opened.data.mobile);
    const streamId = mobileReservationStreamId(mobileKey);
    const reservation = await loadStream(
      this.store,
      streamId,
      mobileReservationDecider.evolve,
      mobileReservationDecider.initialState(),
    );
    const events = decideMobileRelease(
      { type: 'ReleaseMobile', data: { mobileKey, customerId: customer.customerId } },
      reservation.state,
      context,
    );
    return { streamId, events, version: reservation.version };
  }
}
