import { DomainError, type CommandContext } from '@crm/event-sourcing';
import type { RecordConsent } from './customer.commands';
import { CONSENT_PURPOSES, type ConsentPurpose, type CustomerConsentRecorded } from './customer.events';
import { hasRole, requireNotForgotten, requireOwnerBuStaff, requireRegistered } from './customer-guards';
import type { Customer } from './customer';

export const CONSENT_RULE = 'DAT-02';
export const MARKETING_OPT_OUT_RULE = 'DAT-22';
export const CONSENT_NOTE_MAX_LENGTH = 500;

/** Purposes a marketing opt-out withdraws: an invitation to a joint (sales) event is marketing. */
const MARKETING_PURPOSES: readonly ConsentPurpose[] = ['marketing', 'event_invitation'];

const invalid = (code: string, message: string, field: string): DomainError =>
  new DomainError('invalid', code, message, undefined, { field });

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * DAT-02: the purposes the customer consented to, with the channel they told us through; DAT-22:
 * a marketing opt-out, honoured by every service that markets (invitations refuses to confirm).
 * Recorded by the owner BU, or by customer service, which is where customers call to withdraw.
 * The same consent recorded again changes nothing.
 */
export const decideConsent = (
  command: RecordConsent,
  state: Customer,
  context: CommandContext,
): CustomerConsentRecorded[] => {
  const { customerId, marketingOptOut, channel } = command.data;
  const customer = requireRegistered(state, customerId);
  if (!hasRole(context, 'cs_agent')) {
    requireOwnerBuStaff(customer, context, CONSENT_RULE, "record the customer's consent");
  }
  requireNotForgotten(customer);
  const purposes = CONSENT_PURPOSES.filter((p) => command.data.purposes.includes(p));
  const unknown = command.data.purposes.filter((p) => !(CONSENT_PURPOSES as readonly string[]).includes(p));
  if (unknown.length > 0) {
    throw invalid('customer.invalid_consent_purpose', `unknown purposes: ${unknown.join(', ')}`, 'purposes');
  }
  if (marketingOptOut && purposes.some((p) => MARKETING_PURPOSES.includes(p))) {
    throw invalid(
      'customer.consent_contradictory',
      `a marketing opt-out cannot grant ${MARKETING_PURPOSES.join(' or ')}`,
      'purposes',
    );
  }
  const note = command.data.note?.trim();
  if (note !== undefined && [...note].length > CONSENT_NOTE_MAX_LENGTH) {
    throw invalid(
      'customer.invalid_note',
      `note must be at most ${CONSENT_NOTE_MAX_LENGTH} characters`,
      'note',
    );
  }
  const before = customer.consent;
  if (
    before !== undefined &&
    before.marketingOptedOut === marketingOptOut &&
    sameSet(before.purposes, purposes)
  ) {
    return [];
  }
  const optOutChanged = (before?.marketingOptedOut ?? false) !== marketingOptOut;
  return [
    {
      type: 'CustomerConsentRecorded',
      data: {
        customerId,
        purposes,
        marketingOptedOut: marketingOptOut,
        channel,
        ...(note !== undefined && note.length > 0 ? { note } : {}),
        rule: optOutChanged ? MARKETING_OPT_OUT_RULE : CONSENT_RULE,
        recordedBy: context.actor.id,
        recordedAt: context.now.toISOString(),
      },
    },
  ];
};
