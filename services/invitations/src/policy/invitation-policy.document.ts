import type { PolicyDocument } from '@crm/policy';
import { INVITATION_POLICY_ID, INVITATION_POLICY_V1_PARAMS } from '@crm/invitations-domain';

/** Policy v1 of domain §3 (adopted on first boot; GET /policies/invitations.joint-events shows it). */
export const INVITATION_POLICY_V1: PolicyDocument = {
  policyId: INVITATION_POLICY_ID,
  version: 'v1',
  effectiveFrom: '2020-01-01T00:00:00.000Z',
  params: INVITATION_POLICY_V1_PARAMS,
  reason:
    'domain §3 defaults: window 7 days, cut-offs 18:00 / 10:00 / 16:00, fines 10 and 100 yuan, release 08:30',
};
