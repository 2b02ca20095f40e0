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
  decideMobileRelease,
  decideMobileReservation,
  evolveCustomer,
  initialCustomer,
  mobileReservationDecider,
  mobileReservationStreamId,
  type CorrectCustomerData,
  type Customer,
  type CustomerEvent,
  type PersonalData,
  type ReserveMobile,
} from '@crm/customers-domain';
import type { PiiVault } from '../pii/pii-vault';

const ATTEMPTS = 5;

/** Marks where the dry run sealed: the real seal needs the key inside the transaction. */
const NOT_SEALED = { alg: 'dry-run', keyId: '', ciphertext: '' };

export interface CorrectionResult {
  readonly events: readonly CustomerEvent[];
  readonly state: Customer;
}

/**
 * A correction (CUS-05/06) decides on the data as it stands, so the handler opens it first. A new
 * mobile moves the customer's identity (ARC-20) exactly like a registration takes one: the new
 * number's reservation, the old number's release and the correction commit in one transaction, so
 * a number is never held twice nor left held by a customer who no longer has it. A concurrent
 * change of the customer or of the old number is retried; a concurrent taker of the new number wins.
 */
export class CorrectCustomerHandler {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly vault: PiiVault,
  ) {}

  async handle(command: CorrectCustomerData, context: CommandContext): Promise<CorrectionResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(command, context);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async attempt(command: CorrectCustomerData, context: CommandContext): Promise<CorrectionResult> {
    const { customerId } = command.data;
    const streamId = customerStreamId(customerId);
    const loaded = await loadStream(this.store, streamId, evolveCustomer, initialCustomer());
    const current = await this.currentData(loaded.state);
    let next: PersonalData | undefined;
    // The decision is pure: a dry run refuses bad input before anything is locked or written.
    const dryRun = decideCustomer(command, loaded.state, {
      ...context,
      ...(current !== undefined ? { currentPersonalData: current } : {}),
      sealPersonalData: (data) => {
        next = data;
        return NOT_SEALED;
      },
    });
    if (
      dryRun.length === 0 ||
      next === undefined ||
      current === undefined ||
      loaded.state.status !== 'registered'
    ) {
      return { events: [], state: loaded.state };
    }
    const owner = { ownerBu: loaded.state.ownerBu, ownerEmployeeId: loaded.state.ownerEmployeeId };
    const move =
      next.mobile !== current.mobile
        ? await this.mobileMove(customerId, current, next, owner, context)
        : undefined;

    let events: readonly CustomerEvent[] = [];
    try {
      await runUnitOfWork(this.store, this.pool, async ({ append, db }) => {
        for (const step of move?.appends ?? []) {
          if (step.events.length > 0)
            await append(
              step.streamId,
              toNewEvents(step.streamId, step.events, context, false),
              step.expected,
            );
        }
        const sealer = await this.vault.sealerFor(customerId, db);
        events = decideCustomer(command, loaded.state, {
          ...context,
          currentPersonalData: current,
          sealPersonalData: (data) => sealer.seal(data),
        });
        await append(streamId, toNewEvents(streamId, events, context, false), loaded.version);
      });
    } catch (error) {
      if (
        error instanceof WrongExpectedVersionError &&
        move !== undefined &&
        error.streamId === move.newStream
      ) {
        // Someone took the new number meanwhile: the domain refuses with the winner's details.
        const winner = await this.reservation(move.newStream);
        decideMobileReservation(move.reserve, winner.state, context);
      }
      throw error;
    }
    return { events, state: events.reduce(evolveCustomer, loaded.state) };
  }

  /** The new number's reservation first (it may refuse with 409), then the old one's release. */
  private async mobileMove(
    customerId: string,
    current: PersonalData,
    next: PersonalData,
    owner: { readonly ownerBu: string; readonly ownerEmployeeId: string },
    context: CommandContext,
  ) {
    const newKey = this.vault.mobileKey(next.mobile);
    const newStream = mobileReservationStreamId(newKey);
    const reserve: ReserveMobile = { type: 'ReserveMobile', data: { mobileKey: newKey, customerId, owner } };
    const reserved = await this.reservation(newStream);
    const reserving = decideMobileReservation(reserve, reserved.state, context);
    const oldKey = this.vault.mobileKey(current.mobile);
    const oldStream = mobileReservationStreamId(oldKey);
    const released = await this.reservation(oldStream);
    const releasing = decideMobileRelease(
      { type: 'ReleaseMobile', data: { mobileKey: oldKey, customerId } },
      released.state,
      context,
    );
    const expected = (version: number) => (version < 0 ? ('no_stream' as const) : version);
    return {
      newStream,
      reserve,
      appends: [
        { streamId: newStream, events: reserving, expected: expected(reserved.version) },
        { streamId: oldStream, events: releasing, expected: expected(released.version) },
      ],
    };
  }

  private reservation(streamId: string) {
    return loadStream(
      this.store,
      streamId,
      mobileReservationDecider.evolve,
      mobileReservationDecider.initialState(),
    );
  }

  private async currentData(state: Customer): Promise<PersonalData | undefined> {
    if (state.status !== 'registered' || state.forgotten) return undefined;
    const opened = await this.vault.open(state.customerId, state.personalData);
    return opened.status === 'available' ? opened.data : undefined;
  }
}
