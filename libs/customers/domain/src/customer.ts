import type { CustomerEvent, RegisteredCustomerFacts } from './customer.events';

export type Customer =
  { readonly status: 'unregistered' } | ({ readonly status: 'registered' } & RegisteredCustomerFacts);

export const initialCustomer = (): Customer => ({ status: 'unregistered' });

/** Total: an event that does not fit the state (or an unknown type) leaves the state unchanged. */
export const evolveCustomer = (state: Customer, event: CustomerEvent): Customer => {
  switch (event.type) {
    case 'CustomerRegistered': {
      if (state.status !== 'unregistered') return state;
      const { referredBy, ...rest } = event.data;
      return { status: 'registered', ...rest, ...(referredBy !== undefined ? { referredBy } : {}) };
    }
    default:
      return state;
  }
};
