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

/** The owning BU's own people (domain §2.9): they see the personal data in full and keep it right. */
export const OWNER_BU_ROLES = ['staff', 'bu_manager'] as const;

/**
 * Only the owner BU's staff and manager act on the record's personal data; another BU (even when
 * the customer is lapsed and open to it) is refused, naming the rule that made the call.
 */
export const requireOwnerBuStaff = (
  customer: RegisteredCustomer,
  context: CommandContext,
  rule: string,
  what: string,
): void => {
  const { actor } = context;
  if (hasRole(context, ...OWNER_BU_ROLES) && actor.bu === customer.ownerBu) return;
  throw new DomainError(
    'forbidden',
    'customer.not_owner_bu',
    `only staff and managers of ${customer.ownerBu}, which owns the customer, may ${what}`,
    rule,
    { customerId: customer.customerId, ownerBu: customer.ownerBu },
  );
};

/**
 * ARC-70: a customer belongs to the owner BU until they lapse; only then may another BU serve or
 * classify them. Acting on a customer still served by its owner is refused, naming the rule.
 */
export const requireOwnerOrOpen = (
  customer: RegisteredCustomer,
  byBu: string | undefined,
  what: string,
): void => {
  if (byBu === undefined || byBu === customer.ownerBu || customer.lapsed) return;
  throw new DomainError(
    'forbidden',
    'customer.not_open_to_bu',
    `${byBu} may not ${what}: the customer belongs to ${customer.ownerBu} and has not lapsed`,
    'ARC-70',
    { customerId: customer.customerId, ownerBu: customer.ownerBu },
  );
};

/** Nothing is recorded about a forgotten customer's person any more (PIPL art. 47). */
export const requireNotForgotten = (customer: RegisteredCustomer): void => {
  if (!customer.forgotten) return;
  throw new DomainError(
    'rule',
    'customer.forgotten',
    'the customer was forgotten; their personal data can no longer be changed',
    undefined,
    { customerId: customer.customerId },
  );
};
