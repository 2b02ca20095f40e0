import type { CommandContext } from '@crm/event-sourcing';
import type { ClassifyCustomer, TierThresholds } from './customer.commands';
import type { CustomerEvent, ValueTier } from './customer.events';
import type { Customer } from './customer';
import { requireOwnerOrOpen, requirePolicyVersion, requireRegistered } from './customer-guards';

/** Domain §2.7: the tier by purchase total under the policy's ⚙ thresholds. */
export const tierFor = (purchaseTotalFen: number, thresholds: TierThresholds): ValueTier => {
  if (purchaseTotalFen >= thresholds.importantFromFen) return 'important';
  if (purchaseTotalFen >= thresholds.normalFromFen) return 'normal';
  return 'potential';
};

/** Manual (by staff) or by policy; each change is an event, so the history is the stream. */
export const decideClassify = (
  command: ClassifyCustomer,
  state: Customer,
  context: CommandContext,
): CustomerEvent[] => {
  const customer = requireRegistered(state, command.data.customerId);
  const data = command.data;
  if (data.mode === 'manual') requireOwnerOrOpen(customer, context.actor.bu, 'classify the customer');
  const tier = data.mode === 'manual' ? data.tier : tierFor(customer.purchaseTotalFen, data.thresholds);
  if (tier === customer.tier) return [];
  const basis =
    data.mode === 'manual'
      ? { ...(data.note !== undefined ? { note: data.note } : {}) }
      : { purchaseTotalFen: customer.purchaseTotalFen, thresholds: data.thresholds };
  return [
    {
      type: 'CustomerClassified',
      data: {
        customerId: customer.customerId,
        tier,
        ...(customer.tier !== undefined ? { previousTier: customer.tier } : {}),
        mode: data.mode,
        basis,
        ...(data.mode === 'policy' ? { policyVersion: requirePolicyVersion(context) } : {}),
        decidedBy: context.actor.id,
        classifiedAt: context.now.toISOString(),
      },
    },
  ];
};
