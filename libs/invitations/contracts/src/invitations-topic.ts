/**
 * The invitations service publishes every public event on this topic, keyed by customer id so one
 * customer's events stay in order for the customers service. Fields may be added within v1.
 */
export const INVITATIONS_TOPIC = 'crm.invitations.events.v1';
