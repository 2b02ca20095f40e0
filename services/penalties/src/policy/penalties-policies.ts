import { DEFAULT_PENALTIES_POLICY, PENALTIES_POLICY_ID } from '@crm/penalties-domain';
import { defaultWorkingCalendarDocument, type PolicyDocument } from '@crm/policy';

/** Policy v1 of the ledger: 5 working days to appeal (issue 11 §5 ⚙), adopted on first boot. */
export const penaltiesRulesV1: PolicyDocument = {
  policyId: PENALTIES_POLICY_ID,
  version: 'v1',
  effectiveFrom: '2020-01-01T00:00:00.000Z',
  params: DEFAULT_PENALTIES_POLICY,
  reason: 'issue 11 §5 defaults: the fined employee may appeal within 5 working days',
};

/** The ledger's rules and the working-day calendar the appeal window is counted on. */
export const PENALTIES_POLICIES: readonly PolicyDocument[] = [
  penaltiesRulesV1,
  defaultWorkingCalendarDocument as unknown as PolicyDocument,
];
