import type { DomainEvent } from '@crm/event-sourcing';
import type { RegistrationSource } from './customer.commands';
import type { SealedPersonalData } from './personal-data';

/**
 * A customer record was created (domain §2.1). `registeredAt` is server time and never changes: it
 * is the evidence for first-registration disputes (ARC-20). Personal data is sealed, never plain.
 */
export type CustomerRegistered = DomainEvent<'CustomerRegistered', RegisteredCustomerFacts>;

/**
 * What registration establishes about a customer; the record's state starts as exactly this. A type
 * alias, not an interface, so it stays assignable to the store's `Record<string, unknown>` data.
 */
export type RegisteredCustomerFacts = {
  readonly customerId: string;
  readonly source: RegistrationSource;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly registeredAt: string;
  readonly referredBy?: string;
  readonly personalData: SealedPersonalData;
};

export type CustomerEvent = CustomerRegistered;

export const CUSTOMER_EVENT_TYPES: readonly CustomerEvent['type'][] = ['CustomerRegistered'];

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
