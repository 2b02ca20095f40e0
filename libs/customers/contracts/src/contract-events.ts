import { CUSTOMER_REGISTERED, type CustomerRegisteredV1 } from './customer-registered';

/** Every event type the customers service publishes on {@link CUSTOMERS_TOPIC}; nothing else leaves it. */
export const CUSTOMERS_CONTRACT_EVENT_TYPES = [CUSTOMER_REGISTERED] as const;
export type CustomersContractEventType = (typeof CUSTOMERS_CONTRACT_EVENT_TYPES)[number];

export type CustomersContractEvent = {
  readonly type: typeof CUSTOMER_REGISTERED;
  readonly data: CustomerRegisteredV1;
};

export const isCustomersContractEventType = (type: string): type is CustomersContractEventType =>
  (CUSTOMERS_CONTRACT_EVENT_TYPES as readonly string[]).includes(type);
