/** The complaints service publishes every public event on this topic, keyed by customer id. Fields may be added within v1. */
export const COMPLAINTS_TOPIC = 'crm.complaints.events.v1';
