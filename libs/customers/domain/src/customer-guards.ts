import { DomainError, type CommandContext } from '@crm/event-sourcing';
import type { Customer, RegisteredCustomer } from './customer';

export const requireRegistered = (state: Customer, customerId: string): RegisteredCustomer => {
  if (state.status !== 'registered') {
    throw new DomainError(
      'not_found',
      'customer.not_found',
      `customer ${customerId} does not exist`,
      undefined,
      {
        customerId,
      },
    );
  }
  return state;
};

/** Decisions under a ⚙ rule record its version; a caller that forgot to look it up is a bug, not input. */
export const requirePolicyVersion = (context: CommandContext): string => {
  if (context.policyVersion === undefined) {
    throw new Error('this decision applies a policy: the command context must carry its policyVersion');
  }
  return context.policyVersion;
};

export const hasRole = (context: CommandContext, ...roles: readonly string[]): boolean =>
  roles.includes(context.actor.role);
