import { DomainError, type CommandContext } from '@crm/event-sourcing';
import type { CreditPolicyParams } from './credit-policy';

/** Time, actor and the credit policy in force come from outside; the decision records the version. */
export interface CreditDecisionContext extends CommandContext {
  readonly policy: CreditPolicyParams;
  readonly policyVersion: string;
}

/** Roles are part of the rules here (who may approve is the regulation), so the domain checks them. */
export const requireRole = (ctx: CommandContext, roles: readonly string[], action: string): void => {
  if (!roles.includes(ctx.actor.role)) {
    throw new DomainError(
      'forbidden',
      'credit.role_not_allowed',
      `${action} is for ${roles.join(' or ')}`,
      undefined,
      {
        role: ctx.actor.role,
        allowed: roles,
      },
    );
  }
};
