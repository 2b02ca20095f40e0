import { DomainError } from '@crm/event-sourcing';

/**
 * Every ⚙ number of domain §5 as one policy document (`credit`, v1). The service adopts it through
 * the PolicyRegistry; deciders receive the version in force and record it on every decision.
 */
export type CreditPolicyParams = {
  /** Relationship age for grade A (CRD-22 c1, CRD-25). */
  readonly relationshipYearsForA: number;
  /** Look-back for bad debt or serious breach (CRD-22 c2, CRD-23 c1). */
  readonly cleanRecordYears: number;
  /** Consecutive years of good operation for grade A (CRD-22 c4). */
  readonly goodOperationYearsForA: number;
  /** Full calendar months averaged for the maximum limit (CRD-32..34, [AMBIG A9]). */
  readonly averagingMonths: number;
  /** Maximum term of long-term credit and of A's temporary credit (CRD-32/33). */
  readonly longTermTermDays: number;
  /** Maximum term of a B temporary grant (CRD-34). */
  readonly temporaryTermDaysB: number;
  /** Full dossier refresh period (CRD-15). */
  readonly dossierRefreshMonths: number;
  /** A default lasting longer than this is escalated (CRD-70). */
  readonly defaultEscalationMonths: number;
  /** Renewal window before the contract end (CRD-45). */
  readonly renewalWindowMonths: number;
  /** Months between monthly reviews and between quarterly reviews (CRD-50). */
  readonly monthlyReviewMonths: number;
  readonly quarterlyReviewMonths: number;
  /** Upper bounds (days past due) of the aging buckets; the last bucket is open-ended. */
  readonly agingBucketUpperDays: readonly number[];
};

export const CREDIT_POLICY_ID = 'credit';

export const CREDIT_POLICY_V1: CreditPolicyParams = {
  relationshipYearsForA: 1,
  cleanRecordYears: 2,
  goodOperationYearsForA: 2,
  averagingMonths: 6,
  longTermTermDays: 30,
  temporaryTermDaysB: 15,
  dossierRefreshMonths: 3,
  defaultEscalationMonths: 2,
  renewalWindowMonths: 1,
  monthlyReviewMonths: 1,
  quarterlyReviewMonths: 3,
  agingBucketUpperDays: [30, 60, 90],
};

const NUMBER_PARAMS = [
  'relationshipYearsForA',
  'cleanRecordYears',
  'goodOperationYearsForA',
  'averagingMonths',
  'longTermTermDays',
  'temporaryTermDaysB',
  'dossierRefreshMonths',
  'defaultEscalationMonths',
  'renewalWindowMonths',
  'monthlyReviewMonths',
  'quarterlyReviewMonths',
] as const;

/**
 * A version adopted over HTTP is checked before it decides anything: a missing or malformed
 * parameter refuses the command (naming the parameter) instead of deciding with `undefined`.
 */
export const readCreditPolicy = (
  params: Readonly<Record<string, unknown>>,
  version: string,
): CreditPolicyParams => {
  const bad = (param: string): never => {
    throw new DomainError(
      'conflict',
      'credit.policy_invalid',
      `credit policy ${version}: ${param} is malformed`,
      undefined,
      {
        version,
        param,
      },
    );
  };
  for (const key of NUMBER_PARAMS) {
    const value = params[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad(key);
  }
  const buckets = params['agingBucketUpperDays'];
  if (
    !Array.isArray(buckets) ||
    buckets.length === 0 ||
    buckets.some((b) => typeof b !== 'number' || b <= 0)
  ) {
    bad('agingBucketUpperDays');
  }
  if ((params['averagingMonths'] as number) < 1) bad('averagingMonths');
  return params as CreditPolicyParams;
};
