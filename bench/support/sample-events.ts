import { randomBytes, randomUUID } from 'node:crypto';
import type { EventMetadata } from '@crm/event-sourcing';
import type { NewEvent } from '@crm/event-store';
import { CUSTOMER_REGISTERED, type CustomerRegisteredV1 } from '@crm/customers-contracts';

/**
 * A realistic event: the shape and size of a CustomerRegistered with sealed personal data
 * (about 390 bytes of data, about 200 bytes of metadata), so both benchmarks move what the service moves.
 */
export const sampleRegistration = (customerId: string = randomUUID()): CustomerRegisteredV1 => ({
  customerId,
  ownerBu: 'bu-east',
  ownerEmployeeId: 'emp-0042',
  source: 'walk_in',
  registeredAt: new Date().toISOString(),
  personalData: {
    alg: 'AES-256-GCM',
    keyId: randomUUID(),
    // iv + tag + ciphertext of a name and mobile, base64, as the customers service seals them.
    ciphertext: randomBytes(96).toString('base64'),
  },
});

export const sampleMetadata = (): EventMetadata => ({
  actor: { id: 'emp-0042', role: 'staff', bu: 'bu-east' },
  correlationId: randomUUID(),
  commandId: randomUUID(),
  businessTime: new Date().toISOString(),
});

export const sampleEvent = (customerId?: string): NewEvent => ({
  id: randomUUID(),
  type: CUSTOMER_REGISTERED,
  data: sampleRegistration(customerId),
  metadata: sampleMetadata(),
});
