import { COMPLAINTS_POLICY_ID, type ComplaintsPolicy, parseComplaintsPolicy } from '@crm/complaints-domain';
import type { PolicyRegistry } from '@crm/policy';

export interface RulesInForce {
  readonly version: string;
  readonly params: ComplaintsPolicy;
}

/** The `complaints.rules` version in force at `at`, checked before any decision relies on it. */
export const rulesInForce = async (registry: PolicyRegistry, at: Date): Promise<RulesInForce> => {
  const doc = await registry.current(COMPLAINTS_POLICY_ID, at);
  return { version: doc.version, params: parseComplaintsPolicy(doc.params, doc.version) };
};
