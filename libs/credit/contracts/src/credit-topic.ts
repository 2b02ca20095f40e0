/** The credit service publishes every public event on this topic, keyed by account id. Fields may be added within v1. */
export const CREDIT_TOPIC = 'crm.credit.events.v1';
