import type { CustomerEvent, CustomerRegistered } from '../customer.events';
import { fakeSeal } from './fixtures';

export const REGISTERED_AT = '2025-01-10T02:00:00.000Z';

/** A registration in bu-1 by e-001 at {@link REGISTERED_AT}. */
export const registeredEvent = (overrides: Partial<CustomerRegistered['data']> = {}): CustomerRegistered => ({
  type: 'CustomerRegistered',
  data: {
    customerId: 'c-1',
    source: 'walk_in',
    ownerBu: 'bu-1',
    ownerEmployeeId: 'e-001',
    registeredAt: REGISTERED_AT,
    personalData: fakeSeal({ name: '王小明', mobile: '13812341234' as never }),
    ...overrides,
  },
});

export const lapsedEvent = (lapsedAt = '2025-04-10T02:00:00.000Z'): CustomerEvent => ({
  type: 'CustomerServiceLapsed',
  data: {
    customerId: 'c-1',
    ownerBu: 'bu-1',
    ownerEmployeeId: 'e-001',
    lastServiceAt: REGISTERED_AT,
    lapsedAt,
    lapseAfterMonths: 3,
    policyVersion: 'v1',
  },
});
