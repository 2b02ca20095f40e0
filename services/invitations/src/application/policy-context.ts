import type { CommandContext } from '@crm/event-sourcing';
import type { PolicyRegistry } from '@crm/policy';
import {
  INVITATION_POLICY_ID,
  type InvitationPolicyParams,
  type PolicyContext,
} from '@crm/invitations-domain';

/** The command's context with the policy version in force at its time (recorded in its events' metadata). */
export const withPolicy = async (
  registry: PolicyRegistry,
  context: CommandContext,
): Promise<PolicyContext> => {
  const doc = await registry.current<InvitationPolicyParams>(INVITATION_POLICY_ID, context.now);
  return { ...context, policyVersion: doc.version, policy: { version: doc.version, params: doc.params } };
};
