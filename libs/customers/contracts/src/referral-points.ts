import { readPayload } from '@crm/contract-fields';

export const REFERRAL_POINTS_AWARDED = 'ReferralPointsAwarded';
export const REFERRAL_POINTS_CAUSES = ['attendance', 'purchase'] as const;
export type ReferralPointsCauseV1 = (typeof REFERRAL_POINTS_CAUSES)[number];

/** The referrer `customerId` earned `points` (ARC-110/111) because referee `refereeId` attended or bought. */
export type ReferralPointsAwardedV1 = {
  readonly customerId: string;
  readonly refereeId: string;
  readonly cause: ReferralPointsCauseV1;
  /** The joint event (attendance) or the sale (purchase). */
  readonly reference: string;
  readonly points: number;
  readonly policyVersion: number;
  readonly awardedAt: string;
};

export const parseReferralPointsAwardedV1 = (data: unknown): ReferralPointsAwardedV1 => {
  const r = readPayload(REFERRAL_POINTS_AWARDED, data);
  return {
    customerId: r.text('customerId'),
    refereeId: r.text('refereeId'),
    cause: r.oneOf('cause', REFERRAL_POINTS_CAUSES),
    reference: r.text('reference'),
    points: r.integer('points', { min: 1 }),
    policyVersion: r.integer('policyVersion', { min: 1 }),
    awardedAt: r.instant('awardedAt'),
  };
};
