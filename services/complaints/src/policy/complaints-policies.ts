import { COMPLAINTS_POLICY_ID, DEFAULT_COMPLAINTS_POLICY } from '@crm/complaints-domain';
import { defaultWorkingCalendarDocument, type PolicyDocument } from '@crm/policy';

/** The complaints service's v1 rules (domain §4 ⚙ values), adopted on first boot. */
export const complaintsRulesV1: PolicyDocument = {
  policyId: COMPLAINTS_POLICY_ID,
  version: 'v1',
  effectiveFrom: '2025-01-01T00:00:00+08:00',
  params: DEFAULT_COMPLAINTS_POLICY,
  reason: 'domain §4 defaults: policy v1',
};

export const COMPLAINTS_POLICIES: readonly PolicyDocument[] = [
  complaintsRulesV1,
  defaultWorkingCalendarDocument as unknown as PolicyDocument,
];
