import { CUSTOMERS_CONTRACT_EVENT_TYPES, parseCustomerConsentChangedV1 } from './index';

describe('CustomerConsentChanged v1 contract', () => {
  const valid = {
    customerId: 'c-1',
    purposes: ['service'],
    marketingOptedOut: true,
    changedAt: '2026-12-07T02:00:00.000Z',
  };

  it('is published on the customers topic and parses a valid payload, ignoring later fields', () => {
    expect(CUSTOMERS_CONTRACT_EVENT_TYPES).toContain('CustomerConsentChanged');
    expect(parseCustomerConsentChangedV1({ ...valid, channel: 'phone' })).toEqual(valid);
  });

  it.each([
    ['an unknown purpose', { ...valid, purposes: ['spam'] }, /purposes/],
    ['a missing opt-out flag', { ...valid, marketingOptedOut: undefined }, /marketingOptedOut/],
    ['a bad time', { ...valid, changedAt: 'now' }, /changedAt/],
  ])('refuses %s', (_label, data, message) => {
    expect(() => parseCustomerConsentChangedV1(data)).toThrow(message);
  });
});
