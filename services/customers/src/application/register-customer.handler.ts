import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CommandContext } from '@crm/event-sourcing';
import {
  loadStream,
  runUnitOfWork,
  toNewEvents,
  WrongExpectedVersionError,
  type EventStore,
} from '@crm/event-store';
import {
  customerStreamId,
  decideCustomer,
  decideMobileReservation,
  evolveCustomer,
  evolveMobileReservation,
  initialCustomer,
  mobileReservationDecider,
  mobileReservationStreamId,
  parsePersonalData,
  type Customer,
  type RegisterCustomer,
  type ReserveMobile,
} from '@crm/customers-domain';
import type { PiiVault } from '../pii/pii-vault';
import type { LapseTimers } from './lapse-timers';

export type RegisterCustomerInput = Omit<RegisterCustomer['data'], 'customerId'>;

/**
 * Registration = two decisions committed together: reserve the mobile's identity (ARC-20) and
 * register the customer with sealed personal data. Reading the reservation first answers the
 * common duplicate without writing; the `no_stream` append settles a simultaneous race.
 */
export class RegisterCustomerHandler {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly vault: PiiVault,
    private readonly lapse?: LapseTimers,
  ) {}

  /**
   * `customerId`: a caller that must be able to retry (a batch entry) passes an id derived from its
   * own; a retry of a registration that already landed then answers as the first attempt did.
   */
  async handle(
    input: RegisterCustomerInput,
    context: CommandContext,
    options: { readonly customerId?: string } = {},
  ): Promise<{ customerId: string }> {
    const customerId = options.customerId ?? randomUUID();
    if (options.customerId !== undefined && (await this.loadCustomer(customerId)).status === 'registered') {
      return { customerId };
    }
    const command: RegisterCustomer = { type: 'RegisterCustomer', data: { ...input, customerId } };
    const { mobile } = parsePersonalData(input);
    const mobileKey = this.vault.mobileKey(mobile);
    const reserve: ReserveMobile = { type: 'ReserveMobile', data: { mobileKey, customerId } };
    const reservationStream = mobileReservationStreamId(mobileKey);

    const reservation = await loadStream(
      this.store,
      reservationStream,
      evolveMobileReservation,
      mobileReservationDecider.initialState(),
    );
    const reserved = decideMobileReservation(reserve, reservation.state, context);
    const referrer = input.referredBy === undefined ? undefined : await this.loadCustomer(input.referredBy);

    try {
      await runUnitOfWork(this.store, this.pool, async ({ append, db, transaction }) => {
        const sealer = await this.vault.sealerFor(customerId, db);
        await append(
          reservationStream,
          toNewEvents(reservationStream, reserved, context, false),
          reservation.version < 0 ? 'no_stream' : reservation.version,
        );
        const registered = decideCustomer(command, initialCustomer(), {
          ...context,
          sealPersonalData: (data) => sealer.seal(data),
          ...(referrer !== undefined ? { referrer } : {}),
        });
        await append(
          customerStreamId(customerId),
          toNewEvents(customerStreamId(customerId), registered, context, false),
          'no_stream',
        );
        // The first lapse period starts at registration (ARC-70); its timer commits with it.
        const state = registered.reduce(evolveCustomer, initialCustomer());
        await this.lapse?.sync(initialCustomer(), state, transaction);
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && error.streamId === reservationStream) {
        // Another registration of the same number committed first: let the domain refuse with its details.
        const winner = await loadStream(
          this.store,
          reservationStream,
          evolveMobileReservation,
          mobileReservationDecider.initialState(),
        );
        decideMobileReservation(reserve, winner.state, context);
      }
      throw error;
    }
    return { customerId };
  }

  private async loadCustomer(customerId: string): Promise<Customer> {
    return (await loadStream(this.store, customerStreamId(customerId), evolveCustomer, initialCustomer()))
      .state;
  }
}
