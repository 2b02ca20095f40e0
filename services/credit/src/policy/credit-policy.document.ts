import type { PolicyDocument } from '@crm/policy';
import { CREDIT_POLICY_ID, CREDIT_POLICY_V1, type CreditPolicyParams } from '@crm/credit-domain';

/** Policy v1 of domain §5 (every ⚙ number), adopted on first boot; later versions via /policies. */
export const CREDIT_POLICY_DOCUMENTS: readonly PolicyDocument<CreditPolicyParams>[] = [
  {
    policyId: CREDIT_POLICY_ID,
    version: 'v1',
    effectiveFrom: '2020-01-01T00:00:00.000Z',
    params: CREDIT_POLICY_V1,
    reason: 'domain §5 defaults (policy v1)',
  },
];
