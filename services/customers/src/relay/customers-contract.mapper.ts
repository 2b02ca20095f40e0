import type { ContractEvent } from '@crm/messaging';
import type { StoredEvent } from '@crm/event-store';
import {
  CUSTOMER_REGISTERED,
  parseCustomerRegisteredV1,
  type CustomerRegisteredV1,
} from '@crm/customers-contracts';

/**
 * The only door out of the customers service's event store: maps internal events to the public
 * contract (libs/customers/contracts) field by field, so an internal field added later cannot leak
 * onto Kafka by accident. Internal events (mobile reservations) return null and stay private.
 */
export const toCustomersContract = (event: StoredEvent): ContractEvent | null => {
  switch (event.type) {
    case CUSTOMER_REGISTERED: {
      // Re-validating against the contract guarantees what leaves is sealed, never plain text.
      const data: CustomerRegisteredV1 = parseCustomerRegisteredV1(event.data);
      return { aggregateId: data.customerId, type: CUSTOMER_REGISTERED, data };
    }
    default:
      return null;
  }
};
