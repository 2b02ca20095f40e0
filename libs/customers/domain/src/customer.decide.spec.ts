import type { CustomerRegistered } from './customer.events';
import type { RegisterCustomer } from './customer.commands';
import { customerDecider } from './customer.decide';
import { evolveCustomer, initialCustomer } from './customer';
import { specFor } from '@crm/decider-testing';
import { decisionContext, fakeSeal, NOW, staffOf } from './testing/fixtures';

const spec = specFor(customerDecider);

const register = (overrides: Partial<RegisterCustomer['data']> = {}): RegisterCustomer => ({
  type: 'RegisterCustomer',
  data: { customerId: 'c-1', source: 'walk_in', name: ' 王小明 ', mobile: '+86 138-1234-1234', ...overrides },
});

const registered = (overrides: Partial<CustomerRegistered['data']> = {}): CustomerRegistered => ({
  type: 'CustomerRegistered',
  data: {
    customerId: 'c-1',
    source: 'walk_in',
    ownerBu: 'bu-1',
    ownerEmployeeId: 'e-001',
    registeredAt: NOW.toISOString(),
    personalData: fakeSeal({ name: '王小明', mobile: '13812341234' as never }),
    ...overrides,
  },
});

describe('RegisterCustomer', () => {
  it('registers with the registering employee and BU as owner, at server time, with sealed personal data', () => {
    spec.given([]).when(register(), decisionContext()).then([registered()]);
  });

  it('never puts plain personal data into the event', () => {
    const seen: unknown[] = [];
    const events = customerDecider.decide(
      register({ address: '上海市浦东新区' }),
      initialCustomer(),
      decisionContext({
        sealPersonalData: (data) => {
          seen.push(data);
          return { alg: 'opaque', keyId: 'k', ciphertext: 'AAAA' };
        },
      }),
    );
    expect(seen).toEqual([{ name: '王小明', mobile: '13812341234', address: '上海市浦东新区' }]);
    const json = JSON.stringify(events);
    for (const plain of ['王小明', '13812341234', '1234-1234', '上海市']) expect(json).not.toContain(plain);
  });

  it('takes the time from the context, not the clock', () => {
    const later = new Date('2031-01-01T00:00:00.000Z');
    spec
      .given([])
      .when(register(), { ...decisionContext(), now: later })
      .then([registered({ registeredAt: later.toISOString() })]);
  });

  it('refuses a second registration of the same customer id, naming the owner', () => {
    spec
      .given([registered()])
      .when(register(), decisionContext({ actor: staffOf('bu-2', 'e-777') }))
      .thenRefused({
        kind: 'conflict',
        code: 'customer.already_registered',
        details: { customerId: 'c-1', ownerBu: 'bu-1', ownerEmployeeId: 'e-001' },
      });
  });

  it('refuses an actor without a BU (nobody could own the record)', () => {
    spec
      .given([])
      .when(register(), decisionContext({ actor: { id: 'svc', role: 'admin' } }))
      .thenRefused({ kind: 'forbidden', code: 'customer.actor_without_bu' });
  });

  it('refuses an invalid mobile', () => {
    spec
      .given([])
      .when(register({ mobile: '12345' }), decisionContext())
      .thenRefused({ kind: 'invalid', code: 'customer.invalid_mobile' });
  });

  describe('referrals', () => {
    const referrer = evolveCustomer(initialCustomer(), registered({ customerId: 'c-0' }));

    it('records a known referrer', () => {
      spec
        .given([])
        .when(register({ source: 'referral', referredBy: 'c-0' }), decisionContext({ referrer }))
        .then([registered({ source: 'referral', referredBy: 'c-0' })]);
    });

    it('requires a referrer for source referral', () => {
      spec
        .given([])
        .when(register({ source: 'referral' }), decisionContext())
        .thenRefused({
          kind: 'invalid',
          code: 'customer.referrer_required',
          details: { field: 'referredBy' },
        });
    });

    it('refuses an unknown referrer', () => {
      spec
        .given([])
        .when(register({ referredBy: 'c-404' }), decisionContext({ referrer: initialCustomer() }))
        .thenRefused({ kind: 'invalid', code: 'customer.referrer_unknown' });
    });

    it('refuses a self-referral', () => {
      spec
        .given([])
        .when(register({ referredBy: 'c-1' }), decisionContext({ referrer }))
        .thenRefused({ kind: 'invalid', code: 'customer.self_referral' });
    });
  });
});

describe('evolveCustomer', () => {
  it('builds the registered state', () => {
    expect(evolveCustomer(initialCustomer(), registered({ referredBy: 'c-0' }))).toEqual({
      status: 'registered',
      customerId: 'c-1',
      source: 'walk_in',
      ownerBu: 'bu-1',
      ownerEmployeeId: 'e-001',
      registeredAt: NOW.toISOString(),
      referredBy: 'c-0',
      personalData: registered().data.personalData,
      lastServiceAt: NOW.toISOString(),
      lapsed: false,
      forgotten: false,
      pointsBalance: 0,
      pointsAwarded: [],
      purchaseTotalFen: 0,
    });
  });

  it('is total: a repeated registration or an unknown event leaves the state as it was', () => {
    const once = evolveCustomer(initialCustomer(), registered());
    expect(
      evolveCustomer(once, registered({ ownerBu: 'bu-9', registeredAt: '2030-01-01T00:00:00.000Z' })),
    ).toBe(once);
    expect(evolveCustomer(once, { type: 'SomethingNew', data: {} } as never)).toBe(once);
    expect(() => evolveCustomer(initialCustomer(), { type: 'Garbage' } as never)).not.toThrow();
  });
});
