import type { StoredEvent } from '@crm/event-store';
import { toCustomersContract } from './customers-contract.mapper';

const stored = (type: string, data: Record<string, unknown>): StoredEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  streamId: 'customer-c-1',
  type,
  version: 0,
  position: { commit: 1n, prepare: 1n },
  data,
  metadata: {
    actor: { id: 'e-1', role: 'staff', bu: 'bu-1' },
    correlationId: 'x',
    businessTime: '2025-01-01T00:00:00Z',
  },
  recordedAt: new Date('2025-01-01T00:00:00Z'),
  hash: 'h',
  previousHash: '',
});

const registered = {
  customerId: 'c-1',
  source: 'walk_in',
  ownerBu: 'bu-1',
  ownerEmployeeId: 'e-1',
  registeredAt: '2025-01-01T00:00:00.000Z',
  personalData: { alg: 'AES-256-GCM', keyId: 'k', ciphertext: 'AAAA' },
};

describe('toCustomersContract', () => {
  it('publishes CustomerRegistered keyed by customer id with exactly the contract fields', () => {
    expect(toCustomersContract(stored('CustomerRegistered', { ...registered, internalOnly: 'x' }))).toEqual({
      aggregateId: 'c-1',
      type: 'CustomerRegistered',
      data: registered,
    });
  });

  it('keeps internal events private', () => {
    expect(toCustomersContract(stored('MobileReserved', { mobileKey: 'k', customerId: 'c-1' }))).toBeNull();
  });

  it('refuses to publish personal data that is not sealed', () => {
    expect(() =>
      toCustomersContract(
        stored('CustomerRegistered', { ...registered, personalData: { name: '王', mobile: '13812341234' } }),
      ),
    ).toThrow();
  });
});
