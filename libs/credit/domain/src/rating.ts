import { addYears } from './business-time';
import type { CreditPolicyParams } from './credit-policy';
import type { RatingFacts, RedFlag } from './dossier';

export const GRADES = ['A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];

export type ACriterion =
  | 'relationship_age'
  | 'clean_record'
  | 'lawful_and_reliable'
  | 'good_operations'
  | 'strong_capital'
  | 'collection_targets_met'
  | 'dossier_complete';

export type CFlag = 'recent_bad_debt_or_breach' | RedFlag;

/** What the grade was computed from and why: stored with the proposal (issue 5 scope 3). */
export type GradeComputation = {
  readonly grade: Grade;
  readonly asOf: string;
  readonly aCriteriaMet: readonly ACriterion[];
  readonly aCriteriaFailed: readonly ACriterion[];
  readonly cFlags: readonly CFlag[];
  readonly newCounterparty: boolean;
  readonly dossierComplete: boolean;
  readonly rules: readonly string[];
};

/**
 * CRD-22..25: C if any red flag (C takes precedence), A only if every A criterion holds and the
 * counterparty is neither new nor has an incomplete dossier, otherwise B.
 */
export const computeGrade = (
  facts: RatingFacts,
  dossierComplete: boolean,
  asOf: Date,
  policy: CreditPolicyParams,
): GradeComputation => {
  const since = new Date(facts.relationshipSince);
  const newCounterparty = addYears(since, policy.relationshipYearsForA).getTime() > asOf.getTime();
  const recentBadDebt =
    facts.lastBadDebtOrBreachAt !== undefined &&
    addYears(new Date(facts.lastBadDebtOrBreachAt), policy.cleanRecordYears).getTime() > asOf.getTime();

  const cFlags: CFlag[] = [
    ...(recentBadDebt ? (['recent_bad_debt_or_breach'] as const) : []),
    ...facts.redFlags,
  ];

  const checks: readonly [ACriterion, boolean][] = [
    ['relationship_age', !newCounterparty],
    ['clean_record', !recentBadDebt],
    ['lawful_and_reliable', facts.lawfulAndKeepsPromises],
    ['good_operations', facts.goodOperationYears >= policy.goodOperationYearsForA],
    ['strong_capital', facts.strongCapital],
    ['collection_targets_met', facts.collectionTargetsMet],
    ['dossier_complete', dossierComplete],
  ];
  const aCriteriaMet = checks.filter(([, ok]) => ok).map(([c]) => c);
  const aCriteriaFailed = checks.filter(([, ok]) => !ok).map(([c]) => c);
  const grade: Grade = cFlags.length > 0 ? 'C' : aCriteriaFailed.length === 0 ? 'A' : 'B';
  return {
    grade,
    asOf: asOf.toISOString(),
    aCriteriaMet,
    aCriteriaFailed,
    cFlags,
    newCounterparty,
    dossierComplete,
    rules: grade === 'C' ? ['CRD-23'] : grade === 'A' ? ['CRD-22'] : ['CRD-24', 'CRD-25'],
  };
};
