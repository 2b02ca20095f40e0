import { DomainError, type CommandContext } from '@crm/event-sourcing';
import type { AwardReferralPoints, PointsPolicy, RedeemPoints } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import type { Customer } from './customer';
import { requirePolicyVersion, requireRegistered } from './customer-guards';

/** ARC-111: ⚙ 100 points per *full* ⚙ 1,000 yuan (floor): 2,999 yuan earns 200. */
export const purchasePoints = (amountFen: number, policy: PointsPolicy): number =>
  Math.floor(amountFen / policy.purchaseStepFen) * policy.pointsPerPurchaseStep;

/** Once per referee per meeting (ARC-110), once per sale (ARC-111). */
export const awardKeyFor = (cause: 'attendance' | 'purchase', refereeId: string, reference: string): string =>
  `${cause}:${refereeId}:${reference}`;

export const decideAwardPoints = (
  command: AwardReferralPoints,
  state: Customer,
  context: CommandContext,
): CustomerEvent[] => {
  const { customerId, refereeId, cause, reference, amountFen, policy } = command.data;
  const referrer = requireRegistered(state, customerId);
  const awardKey = awardKeyFor(cause, refereeId, reference);
  if (referrer.pointsAwarded.includes(awardKey)) return [];
  const points = cause === 'attendance' ? policy.pointsPerAttendance : purchasePoints(amountFen ?? 0, policy);
  if (points <= 0) return [];
  return [
    {
      type: 'ReferralPointsAwarded',
      data: {
        customerId,
        refereeId,
        cause,
        reference,
        awardKey,
        points,
        ...(cause === 'purchase' ? { amountFen: amountFen ?? 0 } : {}),
        policyVersion: requirePolicyVersion(context),
        awardedAt: context.now.toISOString(),
      },
    },
  ];
};

/** A balance never goes below zero (domain §2.6): a larger redemption is refused, nothing is partial. */
export const decideRedeemPoints = (
  command: RedeemPoints,
  state: Customer,
  context: CommandContext,
): CustomerEvent[] => {
  const { customerId, points, reference } = command.data;
  const customer = requireRegistered(state, customerId);
  if (!Number.isInteger(points) || points <= 0) {
    throw new DomainError(
      'invalid',
      'customer.invalid_points',
      'points must be a positive integer',
      undefined,
      {
        field: 'points',
      },
    );
  }
  if (points > customer.pointsBalance) {
    throw new DomainError(
      'rule',
      'customer.points_insufficient',
      `redeeming ${points} points would take the balance of ${customer.pointsBalance} below zero`,
      'ARC-110',
      { balance: customer.pointsBalance, requested: points },
    );
  }
  return [
    {
      type: 'PointsRedeemed',
      data: {
        customerId,
        points,
        reference,
        balanceAfter: customer.pointsBalance - points,
        redeemedAt: context.now.toISOString(),
      },
    },
  ];
};
