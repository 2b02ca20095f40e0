import { CREDIT_POLICY_V1 } from './credit-policy';
import { creditAccountDecider } from './credit-account.decide';
import { specFor } from '@crm/decider-testing';
import { ACCOUNT, aFacts, allSections, ctx, filedDossier, NOW, opened } from './testing/fixtures';
import { computeGrade } from './rating';

const grade = (facts = aFacts(), complete = true) => computeGrade(facts, complete, NOW, CREDIT_POLICY_V1);

describe('rating A/B/C from dossier facts (CRD-22..25)', () => {
  it('A when every criterion holds', () => {
    expect(grade()).toMatchObject({ grade: 'A', cFlags: [], aCriteriaFailed: [] });
  });

  it.each([
    ['relationship_age', { relationshipSince: '2025-08-01' }],
    ['lawful_and_reliable', { lawfulAndKeepsPromises: false }],
    ['good_operations', { goodOperationYears: 1 }],
    ['strong_capital', { strongCapital: false }],
    ['collection_targets_met', { collectionTargetsMet: false }],
  ] as const)('B when %s fails and there is no red flag', (criterion, overrides) => {
    expect(grade(aFacts(overrides))).toMatchObject({ grade: 'B', aCriteriaFailed: [criterion], cFlags: [] });
  });

  it('a bad debt older than the policy’s 2 years no longer blocks A', () => {
    expect(grade(aFacts({ lastBadDebtOrBreachAt: '2024-07-14T00:00:00.000Z' })).grade).toBe('A');
  });

  it('a new counterparty (under 1 year) is never A (CRD-25)', () => {
    expect(grade(aFacts({ relationshipSince: '2025-07-16' }))).toMatchObject({
      grade: 'B',
      newCounterparty: true,
    });
  });

  it('an incomplete dossier is never A (CRD-25)', () => {
    expect(grade(aFacts(), false)).toMatchObject({ grade: 'B', aCriteriaFailed: ['dossier_complete'] });
  });

  it('C when the bad debt is within 2 years, and C takes precedence over everything A needs', () => {
    expect(grade(aFacts({ lastBadDebtOrBreachAt: '2025-01-01' }))).toMatchObject({
      grade: 'C',
      cFlags: ['recent_bad_debt_or_breach'],
      rules: ['CRD-23'],
    });
  });

  it.each([
    'broken_promises',
    'debt_disputes_or_asset_transfers',
    'weak_capital',
    'losses_or_falling_sales',
    'serious_fall_or_unfair_conduct',
    'illegal_operation',
    'ordered_to_suspend',
    'accounts_at_risk_of_freezing',
  ] as const)('C on the red flag %s', (flag) => {
    expect(grade(aFacts({ redFlags: [flag] }))).toMatchObject({ grade: 'C', cFlags: [flag] });
  });
});

describe('grade proposal → reviews → approval (CRD-26)', () => {
  const spec = specFor(creditAccountDecider(ACCOUNT));

  it('the marketing manager proposes the computed grade with its inputs and the policy version', () => {
    const history = [opened(), ...filedDossier()];
    const decided = creditAccountDecider(ACCOUNT).decide(
      { type: 'ProposeGrade', data: { proposalId: 'p-1', salespersonId: 's-1', creditControllerId: 'cc-1' } },
      history.reduce(creditAccountDecider(ACCOUNT).evolve, creditAccountDecider(ACCOUNT).initialState()),
      ctx('marketing_manager'),
    );
    expect(decided).toEqual([
      expect.objectContaining({
        type: 'GradeProposed',
        data: expect.objectContaining({
          grade: 'A',
          facts: aFacts(),
          computation: expect.objectContaining({ grade: 'A', asOf: NOW.toISOString() }),
          policyVersion: 'v1',
        }),
      }),
    ]);
  });

  it('an incomplete dossier is proposed as B', () => {
    const sections = { ...allSections(), finances: undefined };
    const history = [opened(), ...filedDossier(aFacts(), undefined, undefined, sections)];
    const d = creditAccountDecider(ACCOUNT);
    const [event] = d.decide(
      { type: 'ProposeGrade', data: { proposalId: 'p-1', salespersonId: 's-1', creditControllerId: 'cc-1' } },
      history.reduce(d.evolve, d.initialState()),
      ctx('marketing_manager'),
    );
    expect(event).toMatchObject({ data: { grade: 'B', computation: { dossierComplete: false } } });
  });

  it('refuses to propose without a filed dossier', () => {
    spec
      .given([opened()])
      .when(
        { type: 'ProposeGrade', data: { proposalId: 'p-1', salespersonId: 's', creditControllerId: 'c' } },
        ctx(),
      )
      .thenRefused({ kind: 'rule', code: 'credit.dossier_not_filed' });
  });

  const proposal = {
    type: 'GradeProposed' as const,
    data: {
      accountId: ACCOUNT,
      proposalId: 'p-1',
      grade: 'A' as const,
      computation: computeGrade(aFacts(), true, NOW, CREDIT_POLICY_V1),
      facts: aFacts(),
      dossierVersion: 1,
      proposedBy: 'marketing_manager-1',
      salespersonId: 's-1',
      creditControllerId: 'cc-1',
      policyVersion: 'v1',
    },
  };
  const review = (role: 'marketing_vp' | 'cfo') => ({
    type: 'GradeReviewed' as const,
    data: { accountId: ACCOUNT, proposalId: 'p-1', role, reviewerId: `${role}-1` },
  });

  it('the GM cannot approve before both reviews; the grade is not effective', () => {
    spec
      .given([opened(), ...filedDossier(), proposal, review('cfo')])
      .when({ type: 'ApproveGrade', data: { proposalId: 'p-1' } }, ctx('gm'))
      .thenRefused({
        kind: 'rule',
        code: 'credit.reviews_missing',
        rule: 'CRD-26',
        details: { missingReviews: ['marketing_vp'] },
      });
  });

  it('only the marketing VP and the CFO review; only the GM approves', () => {
    spec
      .given([opened(), ...filedDossier(), proposal])
      .when({ type: 'ReviewGrade', data: { proposalId: 'p-1' } }, ctx('gm'))
      .thenRefused({ kind: 'forbidden' });
    spec
      .given([opened(), ...filedDossier(), proposal, review('cfo'), review('marketing_vp')])
      .when({ type: 'ApproveGrade', data: { proposalId: 'p-1' } }, ctx('cfo'))
      .thenRefused({ kind: 'forbidden' });
  });

  it('after both reviews the GM’s approval makes the grade effective', () => {
    spec
      .given([opened(), ...filedDossier(), proposal, review('cfo'), review('marketing_vp')])
      .when({ type: 'ApproveGrade', data: { proposalId: 'p-1' } }, ctx('gm'))
      .then([
        {
          type: 'GradeApproved',
          data: {
            accountId: ACCOUNT,
            customerId: ACCOUNT,
            proposalId: 'p-1',
            grade: 'A',
            approvedBy: 'gm-1',
            approvedAt: NOW.toISOString(),
            policyVersion: 'v1',
          },
        },
      ]);
  });

  it('a proposed but unapproved grade gives no credit (CRD-20)', () => {
    spec
      .given([opened(), ...filedDossier(), proposal, review('cfo'), review('marketing_vp')])
      .when(
        { type: 'CheckCredit', data: { orderId: 'o-1', kind: 'credit_sale', amountFen: 1 } },
        ctx('staff'),
      )
      .thenRefused({ kind: 'rule', code: 'credit.not_rated', rule: 'CRD-20' });
  });
});
