import { DomainError, type CommandContext } from '@crm/event-sourcing';
import type { ReassignCustomer, RuleOwnershipDispute } from './customer.commands';
import type { CustomerEvent, OwnershipReason } from './customer.events';
import type { Customer } from './customer';
import { hasRole, requirePolicyVersion, requireRegistered } from './customer-guards';

/** The catalog rule behind each kind of reassignment (seed-001a). */
export const OWNERSHIP_RULES: Readonly<Record<OwnershipReason, string>> = {
  batch_allocation: 'ARC-04',
  director_decision: 'ARC-70',
  service_lapse: 'ARC-70',
  unresolved_complaint: 'ARC-71',
  staff_absence: 'ARC-72',
  ownership_ruling: 'ARC-20',
};

export const DIRECTOR_ROLES = ['resource_director'] as const;

const refuse = (code: string, message: string, rule: string, details: Record<string, unknown>) =>
  new DomainError('rule', code, message, rule, details);

/**
 * Reassignment (domain §2.4): the preconditions differ by reason; the event always carries the
 * reason, the decider, the rule, the basis and the policy version.
 */
export const decideReassign = (
  command: ReassignCustomer,
  state: Customer,
  context: CommandContext,
): CustomerEvent[] => {
  const { customerId, toBu, toEmployeeId, reason, basis } = command.data;
  const customer = requireRegistered(state, customerId);
  const rule = OWNERSHIP_RULES[reason];
  if (reason === 'director_decision' && !hasRole(context, ...DIRECTOR_ROLES)) {
    throw new DomainError(
      'forbidden',
      'customer.director_only',
      'only the resource_director reassigns a customer by decision',
      rule,
    );
  }
  if (reason === 'service_lapse' && !customer.lapsed) {
    throw refuse('customer.not_lapsed', 'only a lapsed customer is reassigned for lapse', rule, {
      customerId,
    });
  }
  if (reason === 'unresolved_complaint' && toBu === customer.ownerBu) {
    throw refuse('customer.same_bu', 'after an unresolved complaint the customer goes to another BU', rule, {
      customerId,
      ownerBu: customer.ownerBu,
    });
  }
  if (reason === 'staff_absence' && toBu !== customer.ownerBu) {
    throw refuse('customer.other_bu', "an absent employee's customers stay in their BU", rule, {
      customerId,
      ownerBu: customer.ownerBu,
    });
  }
  if (toBu === customer.ownerBu && toEmployeeId === customer.ownerEmployeeId) {
    throw new DomainError(
      'conflict',
      'customer.already_owner',
      'the customer already belongs to this employee',
      rule,
      {
        customerId,
        ownerBu: toBu,
        ownerEmployeeId: toEmployeeId,
      },
    );
  }
  return [
    {
      type: 'CustomerOwnershipChanged',
      data: {
        customerId,
        fromBu: customer.ownerBu,
        fromEmployeeId: customer.ownerEmployeeId,
        toBu,
        toEmployeeId,
        reason,
        rule,
        decidedBy: context.actor.id,
        policyVersion: requirePolicyVersion(context),
        changedAt: context.now.toISOString(),
        basis,
      },
    },
  ];
};

/**
 * Ownership disputes (domain §2.5, ARC-20): the registration evidence decides, earliest wins; a tie
 * stays with the record as filed. The ruling is recorded whatever its outcome.
 */
export const decideOwnershipDispute = (
  command: RuleOwnershipDispute,
  state: Customer,
  context: CommandContext,
): CustomerEvent[] => {
  const { customerId, claimantBu, claimantEmployeeId, claimantRegisteredAt, evidence } = command.data;
  const customer = requireRegistered(state, customerId);
  if (!hasRole(context, ...DIRECTOR_ROLES)) {
    throw new DomainError(
      'forbidden',
      'customer.director_only',
      'ownership disputes are ruled by the resource_director',
    );
  }
  if (claimantBu === customer.ownerBu && claimantEmployeeId === customer.ownerEmployeeId) {
    throw new DomainError('conflict', 'customer.already_owner', 'the claimant already owns the customer');
  }
  const winner = Date.parse(claimantRegisteredAt) < Date.parse(customer.registeredAt) ? 'claimant' : 'owner';
  const rule = OWNERSHIP_RULES.ownership_ruling;
  const ruledAt = context.now.toISOString();
  const basis = { ownerRegisteredAt: customer.registeredAt, claimantRegisteredAt, evidence };
  const ruling: CustomerEvent = {
    type: 'OwnershipDisputeRuled',
    data: {
      customerId,
      claimantBu,
      claimantEmployeeId,
      winner,
      basis,
      rule,
      decidedBy: context.actor.id,
      ruledAt,
    },
  };
  if (winner === 'owner') return [ruling];
  return [
    ruling,
    {
      type: 'CustomerOwnershipChanged',
      data: {
        customerId,
        fromBu: customer.ownerBu,
        fromEmployeeId: customer.ownerEmployeeId,
        toBu: claimantBu,
        toEmployeeId: claimantEmployeeId,
        reason: 'ownership_ruling',
        rule,
        decidedBy: context.actor.id,
        policyVersion: requirePolicyVersion(context),
        changedAt: ruledAt,
        basis: { ...basis, earliestRegistrationWins: true },
      },
    },
  ];
};
