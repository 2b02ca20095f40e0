import {
  DomainError,
  type CommandContext,
  type Decider,
  type DomainCommand,
  type DomainEvent,
} from '@crm/event-sourcing';
import { ownerFromActor, type Owner } from './owner';

/**
 * Uniqueness of the normalised mobile (ARC-20, first registration wins) as its own tiny aggregate:
 * one stream per keyed hash of the number, appended with `no_stream`. The store's optimistic
 * concurrency is what makes "first" exact when two employees register the same number at once.
 * The key is an HMAC computed by infrastructure, so the stream name reveals nothing.
 */
export const mobileReservationStreamId = (mobileKey: string): string => `customer-mobile-${mobileKey}`;

export type MobileReserved = DomainEvent<
  'MobileReserved',
  {
    readonly mobileKey: string;
    readonly customerId: string;
    readonly ownerBu: string;
    readonly ownerEmployeeId: string;
    readonly reservedAt: string;
  }
>;

/** The customer's mobile was corrected to another number: this one is free for a registration again. */
export type MobileReleased = DomainEvent<
  'MobileReleased',
  {
    readonly mobileKey: string;
    readonly customerId: string;
    readonly releasedAt: string;
  }
>;

export type MobileReservationEvent = MobileReserved | MobileReleased;

/**
 * `owner`: whom the reservation names in a refusal; the registering actor by default, the
 * customer's current owner when a correction moves the customer to a new number.
 */
export type ReserveMobile = DomainCommand<
  'ReserveMobile',
  { readonly mobileKey: string; readonly customerId: string; readonly owner?: Owner }
>;

export type ReleaseMobile = DomainCommand<
  'ReleaseMobile',
  { readonly mobileKey: string; readonly customerId: string }
>;

export type MobileReservation =
  | { readonly status: 'free' }
  | {
      readonly status: 'reserved';
      readonly customerId: string;
      readonly ownerBu: string;
      readonly ownerEmployeeId: string;
      readonly reservedAt: string;
    };

export const evolveMobileReservation = (
  state: MobileReservation,
  event: MobileReservationEvent,
): MobileReservation => {
  switch (event.type) {
    case 'MobileReserved': {
      if (state.status === 'reserved') return state;
      const { customerId, ownerBu, ownerEmployeeId, reservedAt } = event.data;
      return { status: 'reserved', customerId, ownerBu, ownerEmployeeId, reservedAt };
    }
    case 'MobileReleased':
      return state.status === 'reserved' && state.customerId === event.data.customerId
        ? { status: 'free' }
        : state;
    default:
      return state;
  }
};

/** The refusal carries the existing customer and owner (domain §2.1), never the number itself. */
export const mobileTakenError = (
  reservation: Extract<MobileReservation, { status: 'reserved' }>,
): DomainError =>
  new DomainError(
    'conflict',
    'customer.mobile_taken',
    'a customer with this mobile number is already registered; the first registration wins',
    'ARC-20',
    {
      existingCustomerId: reservation.customerId,
      ownerBu: reservation.ownerBu,
      ownerEmployeeId: reservation.ownerEmployeeId,
      registeredAt: reservation.reservedAt,
    },
  );

export const decideMobileReservation = (
  command: ReserveMobile,
  state: MobileReservation,
  context: CommandContext,
): readonly MobileReservationEvent[] => {
  const { mobileKey, customerId } = command.data;
  if (state.status === 'reserved') {
    // The same registration retried (e.g. after a crash between the two appends): nothing new.
    if (state.customerId === customerId) return [];
    throw mobileTakenError(state);
  }
  return [
    {
      type: 'MobileReserved',
      data: {
        mobileKey,
        customerId,
        ...(command.data.owner ?? ownerFromActor(context.actor)),
        reservedAt: context.now.toISOString(),
      },
    },
  ];
};

/** Only the customer holding the number releases it; anything else (already released) is a no-op. */
export const decideMobileRelease = (
  command: ReleaseMobile,
  state: MobileReservation,
  context: CommandContext,
): readonly MobileReservationEvent[] => {
  const { mobileKey, customerId } = command.data;
  if (state.status !== 'reserved' || state.customerId !== customerId) return [];
  return [{ type: 'MobileReleased', data: { mobileKey, customerId, releasedAt: context.now.toISOString() } }];
};

export const mobileReservationDecider: Decider<
  ReserveMobile,
  MobileReservationEvent,
  MobileReservation,
  CommandContext
> = {
  initialState: () => ({ status: 'free' }),
  decide: decideMobileReservation,
  evolve: evolveMobileReservation,
};
