import { readPayload } from '@crm/contract-fields';

export const CUSTOMER_CONSENT_CHANGED = 'CustomerConsentChanged';

export const CONSENT_PURPOSES_V1 = [
  'service',
  'marketing',
  'event_invitation',
  'third_party_disclosure',
] as const;
export type ConsentPurposeV1 = (typeof CONSENT_PURPOSES_V1)[number];

/**
 * The customer's consent as it now stands (DAT-02): the purposes granted, and whether they opted
 * out of marketing (DAT-22). A service that markets to customers - invitations to joint events -
 * refuses to once `marketingOptedOut` is true. No personal data.
 */
export type CustomerConsentChangedV1 = {
  readonly customerId: string;
  readonly purposes: readonly ConsentPurposeV1[];
  readonly marketingOptedOut: boolean;
  readonly changedAt: string;
};

export const parseCustomerConsentChangedV1 = (data: unknown): CustomerConsentChangedV1 => {
  const r = readPayload(CUSTOMER_CONSENT_CHANGED, data);
  return {
    customerId: r.text('customerId'),
    purposes: r.listOf('purposes', CONSENT_PURPOSES_V1),
    marketingOptedOut: r.boolean('marketingOptedOut'),
    changedAt: r.instant('changedAt'),
  };
};
