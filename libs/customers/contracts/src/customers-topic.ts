/**
 * The customers service publishes every public event on this one topic, keyed by customer id so
 * one customer's events stay in order. `v1` is the contract generation: fields may be added
 * within v1 (consumers ignore unknown fields); a breaking change gets a `v2` topic.
 */
export const CUSTOMERS_TOPIC = 'crm.customers.events.v1';
