import type { AwardReferralPoints, PointsPolicy, RedeemPoints } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import { customerDecider } from './customer.decide';
import { purchasePoints } from './customer-points.decide';
import { specFor } from '@crm/decider-testing';
import { policyContext, NOW } from './testing/fixtures';
import { registeredEvent } from './testing/customer-history';

const spec = specFor(customerDecider);
const POLICY: PointsPolicy = {
  pointsPerAttendance: 100,
  pointsPerPurchaseStep: 100,
  purchaseStepFen: 100_000,
};

const award = (
  cause: 'attendance' | 'purchase',
  reference: string,
  amountFen?: number,
): AwardReferralPoints => ({
  type: 'AwardReferralPoints',
  data: {
    customerId: 'c-1',
    refereeId: 'c-2',
    cause,
    reference,
    ...(amountFen !== undefined ? { amountFen } : {}),
    policy: POLICY,
  },
});

const awarded = (
  cause: 'attendance' | 'purchase',
  reference: string,
  points: number,
  amountFen?: number,
): CustomerEvent => ({
  type: 'ReferralPointsAwarded',
  data: {
    customerId: 'c-1',
    refereeId: 'c-2',
    cause,
    reference,
    awardKey: `${cause}:c-2:${reference}`,
    points,
    ...(amountFen !== undefined ? { amountFen } : {}),
    policyVersion: 'v1',
    awardedAt: NOW.toISOString(),
  },
});

const redeem = (points: number): RedeemPoints => ({
  type: 'RedeemPoints',
  data: { customerId: 'c-1', points, reference: 'gift-1' },
});

describe('referral points (ARC-110/111)', () => {
  it('awards 100 points when a referee attends a meeting', () => {
    spec
      .given([registeredEvent()])
      .when(award('attendance', 'je-1'), policyContext())
      .then([awarded('attendance', 'je-1', 100)]);
  });

  it('awards once per referee per meeting', () => {
    spec
      .given([registeredEvent(), awarded('attendance', 'je-1', 100)])
      .when(award('attendance', 'je-1'), policyContext())
      .then([]);
    spec
      .given([registeredEvent(), awarded('attendance', 'je-1', 100)])
      .when(award('attendance', 'je-2'), policyContext())
      .then([awarded('attendance', 'je-2', 100)]);
  });

  it('a referral purchase of 2,999 yuan earns 200 points', () => {
    spec
      .given([registeredEvent()])
      .when(award('purchase', 'sale-1', 299_900), policyContext())
      .then([awarded('purchase', 'sale-1', 200, 299_900)]);
  });

  it('a purchase under 1,000 yuan earns nothing and records nothing', () => {
    spec
      .given([registeredEvent()])
      .when(award('purchase', 'sale-2', 99_999), policyContext())
      .then([]);
  });

  it.each([
    [100_000, 100],
    [199_999, 100],
    [200_000, 200],
    [0, 0],
  ])('%i fen → %i points', (fen, points) => {
    expect(purchasePoints(fen, POLICY)).toBe(points);
  });

  it('redeems within the balance', () => {
    spec
      .given([registeredEvent(), awarded('attendance', 'je-1', 100)])
      .when(redeem(60), policyContext())
      .then([
        {
          type: 'PointsRedeemed',
          data: {
            customerId: 'c-1',
            points: 60,
            reference: 'gift-1',
            balanceAfter: 40,
            redeemedAt: NOW.toISOString(),
          },
        },
      ]);
  });

  it('refuses a redemption larger than the balance with a rule refusal (422)', () => {
    spec
      .given([registeredEvent(), awarded('attendance', 'je-1', 100)])
      .when(redeem(101), policyContext())
      .thenRefused({
        kind: 'rule',
        code: 'customer.points_insufficient',
        details: { balance: 100, requested: 101 },
      });
  });

  it('refuses a non-positive redemption as invalid', () => {
    spec.given([registeredEvent()]).when(redeem(0), policyContext()).thenRefused({ kind: 'invalid' });
  });
});
