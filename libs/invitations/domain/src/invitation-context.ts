import { DomainError, type CommandContext } from '@crm/event-sourcing';
import type { InvitationPolicy } from './invitation-policy';

/** Every invitations decision gets the policy in force; its version goes into the events. */
export interface PolicyContext extends CommandContext {
  readonly policy: InvitationPolicy;
}

export const requireRole = (context: CommandContext, roles: readonly string[], action: string): void => {
  if (!roles.includes(context.actor.role)) {
    throw new DomainError(
      'forbidden',
      'invitation.role_not_allowed',
      `${context.actor.role} may not ${action}`,
      undefined,
      {
        role: context.actor.role,
        allowed: roles,
      },
    );
  }
};

export const invalid = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError('invalid', code, message, undefined, details);
