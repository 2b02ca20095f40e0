import { CUSTOMERS_TOPIC, parseCustomerRegisteredV1 } from './index';

const valid = {
  customerId: 'c-1',
  ownerBu: 'bu-1',
  ownerEmployeeId: 'e-1',
  source: 'walk_in',
  registeredAt: '2025-03-04T02:30:00.000Z',
  personalData: { alg: 'AES-256-GCM', keyId: 'k-1', ciphertext: 'AAAA' },
};

describe('CustomerRegistered v1 contract', () => {
  it('uses the architecture topic name', () => {
    expect(CUSTOMERS_TOPIC).toBe('crm.customers.events.v1');
  });

  it('accepts a valid payload and ignores fields added later within v1', () => {
    expect(parseCustomerRegisteredV1({ ...valid, addedLater: 1 })).toEqual(valid);
    expect(parseCustomerRegisteredV1({ ...valid, referredBy: 'c-0' })).toEqual({
      ...valid,
      referredBy: 'c-0',
    });
  });

  it.each([
    ['not an object', 'x', /object/],
    ['missing owner', { ...valid, ownerBu: undefined }, /ownerBu/],
    ['unknown source', { ...valid, source: 'flyer' }, /source/],
    ['bad time', { ...valid, registeredAt: 'yesterday' }, /registeredAt/],
    ['plain personal data', { ...valid, personalData: { name: '王', mobile: '13812341234' } }, /alg/],
    ['no ciphertext', { ...valid, personalData: { alg: 'AES-256-GCM', keyId: 'k' } }, /ciphertext/],
    ['empty referrer', { ...valid, referredBy: '' }, /referredBy/],
  ])('refuses %s', (_label, data, message) => {
    expect(() => parseCustomerRegisteredV1(data)).toThrow(message);
  });
});
