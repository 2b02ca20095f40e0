import {
  decideMobileRelease,
  mobileReservationDecider,
  type MobileReservationEvent,
  mobileReservationStreamId,
  type MobileReserved,
  type ReserveMobile,
} from './mobile-reservation';
import { specFor } from '@crm/decider-testing';
import { commandContext, NOW, staffOf } from './testing/fixtures';

const spec = specFor(mobileReservationDecider);

const reserve = (customerId: string): ReserveMobile => ({
  type: 'ReserveMobile',
  data: { mobileKey: 'k1', customerId },
});

const reserved = (customerId: string, ownerBu = 'bu-1', ownerEmployeeId = 'e-001'): MobileReserved => ({
  type: 'MobileReserved',
  data: { mobileKey: 'k1', customerId, ownerBu, ownerEmployeeId, reservedAt: NOW.toISOString() },
});

describe('mobile reservation (ARC-20: first registration wins)', () => {
  it('reserves a free number for the registering employee and BU', () => {
    spec
      .given([])
      .when(reserve('c-1'), commandContext())
      .then([reserved('c-1')]);
  });

  it('refuses a second customer with the existing customer id and owner', () => {
    const refusal = spec
      .given([reserved('c-1', 'bu-1', 'e-001')])
      .when(reserve('c-2'), commandContext(staffOf('bu-2', 'e-002')))
      .thenRefused({
        kind: 'conflict',
        code: 'customer.mobile_taken',
        rule: 'ARC-20',
        details: {
          existingCustomerId: 'c-1',
          ownerBu: 'bu-1',
          ownerEmployeeId: 'e-001',
          registeredAt: NOW.toISOString(),
        },
      });
    expect(JSON.stringify(refusal.details)).not.toContain('k1');
  });

  it('treats a retry of the same registration as already done', () => {
    spec
      .given([reserved('c-1')])
      .when(reserve('c-1'), commandContext())
      .then([]);
  });

  it('keeps the first reservation when history somehow holds two', () => {
    const state = [reserved('c-1'), reserved('c-2', 'bu-2')].reduce(
      mobileReservationDecider.evolve,
      mobileReservationDecider.initialState(),
    );
    expect(state).toMatchObject({ status: 'reserved', customerId: 'c-1', ownerBu: 'bu-1' });
  });

  it('refuses an actor without a BU', () => {
    spec
      .given([])
      .when(reserve('c-1'), commandContext({ id: 'x', role: 'admin' }))
      .thenRefused({ kind: 'forbidden', code: 'customer.actor_without_bu' });
  });

  it('names the stream by the keyed hash only', () => {
    expect(mobileReservationStreamId('ab12')).toBe('customer-mobile-ab12');
  });
});

describe('mobile release (a corrected mobile frees the old number)', () => {
  const release = (customerId: string) =>
    decideMobileRelease(
      { type: 'ReleaseMobile', data: { mobileKey: 'k1', customerId } },
      state(reserved(customerId)),
      commandContext(),
    );
  const state = (...events: MobileReservationEvent[]) =>
    events.reduce(mobileReservationDecider.evolve, mobileReservationDecider.initialState());

  it('releases the number its customer holds, after which another customer may reserve it', () => {
    const released = release('c-1');
    expect(released).toEqual([
      { type: 'MobileReleased', data: { mobileKey: 'k1', customerId: 'c-1', releasedAt: NOW.toISOString() } },
    ]);
    spec
      .given([reserved('c-1'), ...released])
      .when(reserve('c-2'), commandContext(staffOf('bu-2', 'e-002')))
      .then([reserved('c-2', 'bu-2', 'e-002')]);
  });

  it('releases nothing for another customer or a free number', () => {
    const free = mobileReservationDecider.initialState();
    const command = { type: 'ReleaseMobile', data: { mobileKey: 'k1', customerId: 'c-2' } } as const;
    expect(decideMobileRelease(command, state(reserved('c-1')), commandContext())).toEqual([]);
    expect(decideMobileRelease(command, free, commandContext())).toEqual([]);
  });

  it('names the given owner instead of the actor when a correction reserves the new number', () => {
    spec
      .given([])
      .when(
        {
          type: 'ReserveMobile',
          data: { mobileKey: 'k1', customerId: 'c-1', owner: { ownerBu: 'bu-1', ownerEmployeeId: 'e-009' } },
        },
        commandContext({ id: 'm-1', role: 'bu_manager', bu: 'bu-1' }),
      )
      .then([reserved('c-1', 'bu-1', 'e-009')]);
  });
});
