import { DomainError } from '@crm/event-sourcing';
import { fullMonthsBefore } from './business-time';
import type { CreditPolicyParams } from './credit-policy';
import type { MonthlyFigures } from './dossier';
import type { Grade } from './rating';

export const GRANT_TYPES = ['temporary', 'long_term'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export type MonthlyAverages = {
  readonly months: readonly string[];
  readonly shipmentsFen: number;
  readonly collectionsFen: number;
};

/** Averages over the last N full months (policy); a month without dealings counts as zero. */
export const monthlyAverages = (
  figures: readonly MonthlyFigures[],
  now: Date,
  policy: CreditPolicyParams,
): MonthlyAverages => {
  const months = fullMonthsBefore(now, policy.averagingMonths);
  const pick = (m: string) => figures.find((f) => f.month === m);
  const avg = (key: 'shipmentsFen' | 'collectionsFen') =>
    Math.floor(months.reduce((sum, m) => sum + (pick(m)?.[key] ?? 0), 0) / months.length);
  return { months, shipmentsFen: avg('shipmentsFen'), collectionsFen: avg('collectionsFen') };
};

export type GrantRequest = {
  readonly type: GrantType;
  readonly limitFen: number;
  readonly termDays: number;
  readonly exceptionalReason?: string;
};

export type GrantFacts = {
  readonly grade: Grade;
  readonly hasCreditHistory: boolean;
  readonly averages: MonthlyAverages;
  readonly collateralValueFen?: number;
  readonly exposureFen: number;
};

/** The decision-table row that allowed a request, with the ceiling it was checked against. */
export type GrantEvaluation = {
  readonly row: 'A_without_history' | 'A_with_history' | 'B';
  readonly rule: string;
  readonly maxLimitFen: number;
  readonly maxTermDays: number;
  /** CRD-33/34: the existing exposure is below the standard, so it is the ceiling and is to be reduced. */
  readonly glidePathDown: boolean;
};

const refuse = (code: string, rule: string, message: string, details: Record<string, unknown>): never => {
  throw new DomainError('rule', code, message, rule, details);
};

const checkCeilings = (
  request: GrantRequest,
  rule: string,
  maxLimitFen: number,
  maxTermDays: number,
  what: string,
): void => {
  if (request.limitFen > maxLimitFen) {
    refuse('credit.limit_above_maximum', rule, `the limit exceeds ${what} (${rule})`, {
      limitFen: request.limitFen,
      maxLimitFen,
    });
  }
  if (request.termDays > maxTermDays) {
    refuse('credit.term_too_long', rule, `the term exceeds ${maxTermDays} days (${rule})`, {
      termDays: request.termDays,
      maxTermDays,
    });
  }
};

/** CRD-33/34 lower-of rule: an existing exposure below the standard becomes the ceiling. */
const lowerOf = (standard: number, exposureFen: number): { max: number; glidePathDown: boolean } =>
  exposureFen > 0 && exposureFen < standard
    ? { max: exposureFen, glidePathDown: true }
    : { max: standard, glidePathDown: false };

/**
 * The credit-grant decision table of seed-001a §4.4, row by row. Refusals are 422 naming the rule;
 * an allowed request returns the row and its ceilings for the event.
 */
export const evaluateGrant = (
  request: GrantRequest,
  facts: GrantFacts,
  policy: CreditPolicyParams,
): GrantEvaluation => {
  const { averages } = facts;
  switch (facts.grade) {
    case 'C':
      return refuse('credit.grade_c_never', 'CRD-35', 'grade C gets no credit, ever (CRD-35)', {
        grade: 'C',
      });
    case 'A': {
      if (!facts.hasCreditHistory) {
        if (request.type !== 'temporary') {
          refuse(
            'credit.a_without_history_long_term',
            'CRD-32',
            'grade A without credit history may only get temporary credit (CRD-32)',
            { grade: 'A', hasCreditHistory: false, type: request.type },
          );
        }
        if ((request.exceptionalReason ?? '').trim().length === 0) {
          refuse(
            'credit.exception_reason_required',
            'CRD-32',
            'credit for grade A without history is exceptional and needs a reason (CRD-32)',
            { grade: 'A', hasCreditHistory: false },
          );
        }
        const max = averages.collectionsFen;
        checkCeilings(request, 'CRD-32', max, policy.longTermTermDays, 'the average monthly collections');
        return {
          row: 'A_without_history',
          rule: 'CRD-32',
          maxLimitFen: max,
          maxTermDays: policy.longTermTermDays,
          glidePathDown: false,
        };
      }
      if (request.type !== 'long_term') {
        refuse(
          'credit.a_with_history_long_term_only',
          'CRD-33',
          'grade A with credit history is granted long-term credit (CRD-33)',
          { grade: 'A', hasCreditHistory: true, type: request.type },
        );
      }
      const { max, glidePathDown } = lowerOf(
        Math.min(averages.shipmentsFen, averages.collectionsFen),
        facts.exposureFen,
      );
      checkCeilings(
        request,
        'CRD-33',
        max,
        policy.longTermTermDays,
        'the lower of average monthly shipments and collections',
      );
      return {
        row: 'A_with_history',
        rule: 'CRD-33',
        maxLimitFen: max,
        maxTermDays: policy.longTermTermDays,
        glidePathDown,
      };
    }
    case 'B': {
      if (facts.collateralValueFen === undefined) {
        return refuse(
          'credit.collateral_required',
          'CRD-34',
          'grade B needs a registered property mortgage before any credit (CRD-34)',
          { grade: 'B' },
        );
      }
      if (request.limitFen > facts.collateralValueFen) {
        refuse(
          'credit.limit_above_collateral',
          'CRD-34',
          'a grade B limit may not exceed the collateral value (CRD-34)',
          { limitFen: request.limitFen, collateralValueFen: facts.collateralValueFen },
        );
      }
      const { max, glidePathDown } = lowerOf(
        Math.min(averages.shipmentsFen, averages.collectionsFen, facts.collateralValueFen),
        facts.exposureFen,
      );
      const maxTermDays = request.type === 'long_term' ? policy.longTermTermDays : policy.temporaryTermDaysB;
      checkCeilings(
        request,
        'CRD-34',
        max,
        maxTermDays,
        'the lower of the monthly averages and the collateral',
      );
      return { row: 'B', rule: 'CRD-34', maxLimitFen: max, maxTermDays, glidePathDown };
    }
  }
};
