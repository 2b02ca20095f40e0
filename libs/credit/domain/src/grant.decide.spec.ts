import type { CreditAccountEvent } from './credit-account.events';
import { creditAccountDecider } from './credit-account.decide';
import type { RequestCreditGrant } from './credit-account.commands';
import { specFor } from '@crm/decider-testing';
import {
  ACCOUNT,
  aFacts,
  collateral,
  ctx,
  filedDossier,
  gradeApproved,
  invoiced,
  NOW,
  opened,
} from './testing/fixtures';
import type { Grade } from './rating';

const spec = specFor(creditAccountDecider(ACCOUNT));

/** Averages in the fixture: shipments 100,000 fen, collections 80,000 fen per month. */
const rated = (grade: Grade, history: boolean, extra: CreditAccountEvent[] = []) => [
  opened(),
  ...filedDossier(aFacts({ priorCreditHistory: history })),
  gradeApproved(grade),
  ...extra,
];

const request = (data: Partial<RequestCreditGrant['data']>): RequestCreditGrant => ({
  type: 'RequestCreditGrant',
  data: { grantId: 'g-1', type: 'long_term', limitFen: 50_000, termDays: 30, ...data },
});

const requested = (grade: Grade, history: boolean, data: Partial<RequestCreditGrant['data']> = {}) => {
  const d = creditAccountDecider(ACCOUNT);
  const state = rated(grade, history, grade === 'B' ? [collateral(60_000)] : []).reduce(
    d.evolve,
    d.initialState(),
  );
  return d.decide(request(data), state, ctx('marketing_manager'));
};

describe('credit-grant decision table (seed-001a §4.4)', () => {
  describe('row A, no credit history (CRD-32)', () => {
    it('refuses long-term credit with 422 naming CRD-32', () => {
      spec
        .given(rated('A', false))
        .when(request({ type: 'long_term' }), ctx())
        .thenRefused({ kind: 'rule', code: 'credit.a_without_history_long_term', rule: 'CRD-32' });
    });

    it('allows exceptional temporary credit up to the average monthly collections, term ≤ 30 days', () => {
      const [event] = requested('A', false, {
        type: 'temporary',
        limitFen: 80_000,
        termDays: 30,
        exceptionalReason: 'launch order',
      });
      expect(event).toMatchObject({
        type: 'CreditGrantRequested',
        data: {
          grade: 'A',
          hasCreditHistory: false,
          evaluation: { row: 'A_without_history', rule: 'CRD-32', maxLimitFen: 80_000, maxTermDays: 30 },
          averages: {
            months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
            shipmentsFen: 100_000,
            collectionsFen: 80_000,
          },
          policyVersion: 'v1',
        },
      });
    });

    it('refuses without an exceptional reason', () => {
      spec
        .given(rated('A', false))
        .when(request({ type: 'temporary' }), ctx())
        .thenRefused({ code: 'credit.exception_reason_required', rule: 'CRD-32' });
    });

    it('refuses a limit above the average monthly collections by 1 fen', () => {
      spec
        .given(rated('A', false))
        .when(request({ type: 'temporary', limitFen: 80_001, exceptionalReason: 'x' }), ctx())
        .thenRefused({
          code: 'credit.limit_above_maximum',
          rule: 'CRD-32',
          details: { maxLimitFen: 80_000 },
        });
    });

    it('refuses a term over 30 days', () => {
      spec
        .given(rated('A', false))
        .when(request({ type: 'temporary', termDays: 31, exceptionalReason: 'x' }), ctx())
        .thenRefused({ code: 'credit.term_too_long', rule: 'CRD-32' });
    });
  });

  describe('row A, with credit history (CRD-33)', () => {
    it('allows long-term credit up to the lower of average shipments and collections', () => {
      const [event] = requested('A', true, { limitFen: 80_000 });
      expect(event).toMatchObject({
        data: { evaluation: { row: 'A_with_history', maxLimitFen: 80_000, glidePathDown: false } },
      });
    });

    it('refuses 1 fen above the lower average', () => {
      spec
        .given(rated('A', true))
        .when(request({ limitFen: 80_001 }), ctx())
        .thenRefused({ code: 'credit.limit_above_maximum', rule: 'CRD-33' });
    });

    it('refuses a term over 30 days', () => {
      spec
        .given(rated('A', true))
        .when(request({ termDays: 45 }), ctx())
        .thenRefused({ code: 'credit.term_too_long' });
    });

    it('refuses temporary credit (the row grants long-term)', () => {
      spec
        .given(rated('A', true))
        .when(request({ type: 'temporary' }), ctx())
        .thenRefused({ code: 'credit.a_with_history_long_term_only', rule: 'CRD-33' });
    });

    it('an existing exposure below the standard becomes the ceiling and is to be reduced', () => {
      const exposure = invoiced('o-1', 30_000, '2026-07-10T00:00:00.000Z', '2026-08-09T00:00:00.000Z');
      spec
        .given(rated('A', true, exposure))
        .when(request({ limitFen: 30_001 }), ctx())
        .thenRefused({ code: 'credit.limit_above_maximum', details: { maxLimitFen: 30_000 } });
    });

    it('history counts when the account already had credit here, even without prior records', () => {
      const exposure = invoiced('o-1', 90_000, '2026-07-10T00:00:00.000Z', '2026-08-09T00:00:00.000Z');
      const d = creditAccountDecider(ACCOUNT);
      const [event] = d.decide(
        request({ limitFen: 80_000 }),
        rated('A', false, exposure).reduce(d.evolve, d.initialState()),
        ctx(),
      );
      expect(event).toMatchObject({
        data: { hasCreditHistory: true, evaluation: { row: 'A_with_history' } },
      });
    });
  });

  describe('row B (CRD-34)', () => {
    it('refuses without registered collateral', () => {
      spec
        .given(rated('B', true))
        .when(request({ limitFen: 10_000 }), ctx())
        .thenRefused({ kind: 'rule', code: 'credit.collateral_required', rule: 'CRD-34' });
    });

    it('refuses a limit above the collateral value', () => {
      spec
        .given(rated('B', true, [collateral(40_000)]))
        .when(request({ limitFen: 40_001 }), ctx())
        .thenRefused({
          code: 'credit.limit_above_collateral',
          rule: 'CRD-34',
          details: { collateralValueFen: 40_000 },
        });
    });

    it('refuses a limit above the monthly averages even within the collateral', () => {
      spec
        .given(rated('B', true, [collateral(500_000)]))
        .when(request({ limitFen: 80_001 }), ctx())
        .thenRefused({
          code: 'credit.limit_above_maximum',
          rule: 'CRD-34',
          details: { maxLimitFen: 80_000 },
        });
    });

    it('long-term up to 30 days, temporary up to 15 days', () => {
      expect(requested('B', true, { limitFen: 60_000, termDays: 30 })[0]).toMatchObject({
        data: { evaluation: { row: 'B', maxLimitFen: 60_000, maxTermDays: 30 }, collateralValueFen: 60_000 },
      });
      expect(requested('B', false, { type: 'temporary', limitFen: 60_000, termDays: 15 })[0]).toMatchObject({
        data: { evaluation: { row: 'B', maxTermDays: 15 } },
      });
      spec
        .given(rated('B', true, [collateral(60_000)]))
        .when(request({ type: 'temporary', limitFen: 10_000, termDays: 16 }), ctx())
        .thenRefused({ code: 'credit.term_too_long', rule: 'CRD-34', details: { maxTermDays: 15 } });
    });
  });

  describe('row C (CRD-35)', () => {
    it.each([true, false])('never, with or without history (history %s)', (history) => {
      spec
        .given(rated('C', history, [collateral(1_000_000)]))
        .when(request({ limitFen: 1 }), ctx())
        .thenRefused({ kind: 'rule', code: 'credit.grade_c_never', rule: 'CRD-35' });
    });
  });

  describe('preconditions', () => {
    it('an unrated account gets nothing (CRD-20)', () => {
      spec
        .given([opened(), ...filedDossier()])
        .when(request({}), ctx())
        .thenRefused({ rule: 'CRD-20' });
    });

    it('a stale dossier blocks a grant (CRD-15)', () => {
      spec
        .given([
          opened(),
          ...filedDossier(aFacts(), '2026-03-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
          gradeApproved('A'),
        ])
        .when(request({}), ctx())
        .thenRefused({ code: 'credit.dossier_stale', rule: 'CRD-15' });
    });

    it('only the marketing manager submits a request', () => {
      spec.given(rated('A', true)).when(request({}), ctx('staff')).thenRefused({ kind: 'forbidden' });
    });

    it('a zero limit is malformed', () => {
      spec
        .given(rated('A', true))
        .when(request({ limitFen: 0 }), ctx())
        .thenRefused({ kind: 'invalid' });
    });
  });
});

describe('grant approvals: marketing VP + CFO + GM, then GM + chairman (CRD-32..37)', () => {
  const pending = (): CreditAccountEvent[] => [
    ...rated('A', true),
    ...requested('A', true, { limitFen: 50_000 }),
  ];
  const approval = (stage: 'grant' | 'limit', role: string): CreditAccountEvent => ({
    type: 'CreditGrantApproved',
    data: { accountId: ACCOUNT, grantId: 'g-1', stage, role, approverId: `${role}-1` },
  });
  const approve = { type: 'ApproveCreditGrant' as const, data: { grantId: 'g-1' } };

  it('the chairman cannot confirm before the first stage is complete', () => {
    spec
      .given([...pending(), approval('grant', 'marketing_vp'), approval('grant', 'cfo')])
      .when(approve, ctx('chairman'))
      .thenRefused({ code: 'credit.grant_approvals_missing', details: { missingApprovals: ['gm'] } });
  });

  it('the GM approves stage one, then confirms stage two; the limit is effective only with the chairman too', () => {
    const stageOne = [
      ...pending(),
      approval('grant', 'marketing_vp'),
      approval('grant', 'cfo'),
      approval('grant', 'gm'),
    ];
    spec
      .given(stageOne)
      .when(approve, ctx('gm'))
      .then([approval('limit', 'gm')]);
    spec
      .given([...stageOne, approval('limit', 'gm')])
      .when(approve, ctx('chairman'))
      .then([
        approval('limit', 'chairman'),
        {
          type: 'CreditLimitGranted',
          data: {
            accountId: ACCOUNT,
            customerId: ACCOUNT,
            grantId: 'g-1',
            grade: 'A',
            type: 'long_term',
            limitFen: 50_000,
            termDays: 30,
            previousLimitFen: 0,
            effectiveAt: NOW.toISOString(),
            policyVersion: 'v1',
          },
        },
        {
          type: 'CreditReviewScheduled',
          data: {
            accountId: ACCOUNT,
            period: 'monthly',
            dueAt: '2026-08-15T02:00:00.000Z',
            policyVersion: 'v1',
          },
        },
        {
          type: 'CreditReviewScheduled',
          data: {
            accountId: ACCOUNT,
            period: 'quarterly',
            dueAt: '2026-10-15T02:00:00.000Z',
            policyVersion: 'v1',
          },
        },
      ]);
  });

  it('an approver cannot approve twice in a stage, and staff cannot approve', () => {
    spec
      .given([...pending(), approval('grant', 'cfo')])
      .when(approve, ctx('cfo'))
      .thenRefused({ kind: 'conflict', code: 'credit.already_approved' });
    spec.given(pending()).when(approve, ctx('staff')).thenRefused({ kind: 'forbidden' });
  });

  it('before the last approval no credit can be used', () => {
    spec
      .given([
        ...pending(),
        approval('grant', 'marketing_vp'),
        approval('grant', 'cfo'),
        approval('grant', 'gm'),
        approval('limit', 'gm'),
      ])
      .when(
        { type: 'CheckCredit', data: { orderId: 'o-9', kind: 'credit_sale', amountFen: 1 } },
        ctx('staff'),
      )
      .thenRefused({ code: 'credit.no_limit', rule: 'CRD-30' });
  });
});
