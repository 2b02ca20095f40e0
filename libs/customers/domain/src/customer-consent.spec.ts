import { specFor } from '@crm/decider-testing';
import type { RecordConsent } from './customer.commands';
import type { CustomerConsentRecorded } from './customer.events';
import { customerDecider } from './customer.decide';
import { evolveCustomer, initialCustomer, type RegisteredCustomer } from './customer';
import { decisionContext, NOW, staffOf } from './testing/fixtures';
import { lapsedEvent, registeredEvent } from './testing/customer-history';

const spec = specFor(customerDecider);

const record = (overrides: Partial<RecordConsent['data']> = {}): RecordConsent => ({
  type: 'RecordConsent',
  data: {
    customerId: 'c-1',
    purposes: ['service', 'marketing', 'event_invitation'],
    marketingOptOut: false,
    channel: 'in_person',
    ...overrides,
  },
});

const recorded = (overrides: Partial<CustomerConsentRecorded['data']> = {}): CustomerConsentRecorded => ({
  type: 'CustomerConsentRecorded',
  data: {
    customerId: 'c-1',
    purposes: ['service', 'marketing', 'event_invitation'],
    marketingOptedOut: false,
    channel: 'in_person',
    rule: 'DAT-02',
    recordedBy: 'e-001',
    recordedAt: NOW.toISOString(),
    ...overrides,
  },
});

const optedOut = (recordedBy = 'e-001') =>
  recorded({
    purposes: ['service'],
    marketingOptedOut: true,
    channel: 'phone',
    note: '来电退订',
    rule: 'DAT-22',
    recordedBy,
  });

const optOut = record({ purposes: ['service'], marketingOptOut: true, channel: 'phone', note: '来电退订' });

describe('RecordConsent (DAT-02, DAT-22)', () => {
  it('records the purposes consented to, in catalogue order, with the channel', () => {
    spec
      .given([registeredEvent()])
      .when(record({ purposes: ['event_invitation', 'service', 'marketing'] }), decisionContext())
      .then([recorded()]);
  });

  it('records a marketing opt-out under DAT-22', () => {
    spec.given([registeredEvent(), recorded()]).when(optOut, decisionContext()).then([optedOut()]);
  });

  it('lets customer service record a withdrawal whatever the owner BU', () => {
    spec
      .given([registeredEvent()])
      .when(optOut, decisionContext({ actor: { id: 'cs-1', role: 'cs_agent' } }))
      .then([optedOut('cs-1')]);
  });

  it('refuses another BU, even when the customer is lapsed and open to it', () => {
    spec
      .given([registeredEvent(), lapsedEvent()])
      .when(record(), decisionContext({ actor: staffOf('bu-2', 'e-201') }))
      .thenRefused({ kind: 'forbidden', code: 'customer.not_owner_bu', rule: 'DAT-02' });
  });

  it('refuses an opt-out that grants marketing purposes, and unknown purposes', () => {
    spec
      .given([registeredEvent()])
      .when(record({ marketingOptOut: true }), decisionContext())
      .thenRefused({
        kind: 'invalid',
        code: 'customer.consent_contradictory',
        details: { field: 'purposes' },
      });
    spec
      .given([registeredEvent()])
      .when(record({ purposes: ['spam' as never] }), decisionContext())
      .thenRefused({ kind: 'invalid', code: 'customer.invalid_consent_purpose' });
  });

  it('records nothing when the consent is already so', () => {
    spec
      .given([registeredEvent(), recorded()])
      .when(
        record({ purposes: ['marketing', 'service', 'event_invitation'], channel: 'phone' }),
        decisionContext(),
      )
      .then([]);
  });

  it('refuses a forgotten customer', () => {
    spec
      .given([
        registeredEvent(),
        {
          type: 'CustomerForgotten',
          data: { customerId: 'c-1', forgottenAt: NOW.toISOString(), decidedBy: 'a-1' },
        },
      ])
      .when(record(), decisionContext())
      .thenRefused({ kind: 'rule', code: 'customer.forgotten' });
  });

  it('evolves to the consent as it now stands', () => {
    const state = [
      registeredEvent(),
      recorded(),
      recorded({ purposes: ['service'], marketingOptedOut: true }),
    ].reduce(evolveCustomer, initialCustomer()) as RegisteredCustomer;
    expect(state.consent).toEqual({
      purposes: ['service'],
      marketingOptedOut: true,
      recordedAt: NOW.toISOString(),
    });
  });
});
