import { CREDIT_POLICY_V1 } from './credit-policy';
import type { CreditAccountEvent } from './credit-account.events';
import { creditAccountDecider } from './credit-account.decide';
import { computeGrade } from './rating';
import { specFor } from '@crm/decider-testing';
import {
  ACCOUNT,
  aFacts,
  allSections,
  creditWorthy,
  ctx,
  filedDossier,
  NOW,
  opened,
} from './testing/fixtures';

const spec = specFor(creditAccountDecider(ACCOUNT));
const [submitted, reviewed] = filedDossier(aFacts(), NOW.toISOString()) as [
  CreditAccountEvent,
  CreditAccountEvent,
];

describe('investigation dossier (CRD-11..15)', () => {
  it('the account supervisor submits the 8 sections with their sources; missing ones are listed', () => {
    const sections = { ...allSections(), finances: undefined, other: undefined };
    spec
      .given([opened()])
      .when({ type: 'SubmitDossier', data: { sections, facts: aFacts() } }, ctx('account_supervisor'))
      .then([
        {
          type: 'DossierSubmitted',
          data: {
            accountId: ACCOUNT,
            dossierVersion: 1,
            sections,
            missingSections: ['finances', 'other'],
            facts: aFacts(),
            authorId: 'account_supervisor-1',
            submittedAt: NOW.toISOString(),
          },
        },
      ]);
    spec
      .given([opened()])
      .when({ type: 'SubmitDossier', data: { sections, facts: aFacts() } }, ctx('marketing_manager'))
      .thenRefused({ kind: 'forbidden' });
  });

  it('the marketing manager reviews, never the author; the credit controller files only after review', () => {
    spec
      .given([opened(), submitted])
      .when(
        { type: 'ReviewDossier', data: { findings: 'x' } },
        ctx('marketing_manager', NOW, 'account_supervisor-1'),
      )
      .thenRefused({ code: 'credit.author_cannot_review', rule: 'CRD-13' });
    spec
      .given([opened(), submitted])
      .when({ type: 'FileDossier', data: {} }, ctx('credit_controller'))
      .thenRefused({ code: 'credit.dossier_not_reviewed' });
    spec
      .given([opened(), submitted, reviewed])
      .when({ type: 'FileDossier', data: {} }, ctx('credit_controller'))
      .then([
        {
          type: 'DossierFiled',
          data: {
            accountId: ACCOUNT,
            dossierVersion: 1,
            filedBy: 'credit_controller-1',
            filedAt: NOW.toISOString(),
            staleAt: '2026-10-15T02:00:00.000Z',
            policyVersion: 'v1',
          },
        },
      ]);
  });

  it('the stale timer marks the filed version stale once, and not a refreshed one', () => {
    const filed = filedDossier(aFacts(), '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z');
    const stale: CreditAccountEvent = {
      type: 'DossierBecameStale',
      data: { accountId: ACCOUNT, dossierVersion: 1, staleAt: '2026-07-01T00:00:00.000Z' },
    };
    spec
      .given([opened(), ...filed])
      .when({ type: 'MarkDossierStale', data: { dossierVersion: 1 } }, ctx('system'))
      .then([stale]);
    spec
      .given([opened(), ...filed, stale])
      .when({ type: 'MarkDossierStale', data: { dossierVersion: 1 } }, ctx('system'))
      .then([]);
    spec
      .given([opened(), ...filed])
      .when({ type: 'MarkDossierStale', data: { dossierVersion: 0 } }, ctx('system'))
      .then([]);
    spec
      .given([opened(), ...filedDossier()])
      .when({ type: 'MarkDossierStale', data: { dossierVersion: 1 } }, ctx('system'))
      .then([]);
  });
});

describe('a grade C approval withdraws the limit (CRD-35)', () => {
  it('the approval and a limit of 0 come together', () => {
    const proposal: CreditAccountEvent = {
      type: 'GradeProposed',
      data: {
        accountId: ACCOUNT,
        proposalId: 'p-2',
        grade: 'C',
        computation: computeGrade(aFacts({ redFlags: ['illegal_operation'] }), true, NOW, CREDIT_POLICY_V1),
        facts: aFacts({ redFlags: ['illegal_operation'] }),
        dossierVersion: 1,
        proposedBy: 'marketing_manager-1',
        salespersonId: 's',
        creditControllerId: 'c',
        policyVersion: 'v1',
      },
    };
    const review = (role: 'marketing_vp' | 'cfo'): CreditAccountEvent => ({
      type: 'GradeReviewed',
      data: { accountId: ACCOUNT, proposalId: 'p-2', role, reviewerId: role },
    });
    const d = creditAccountDecider(ACCOUNT);
    const events = d.decide(
      { type: 'ApproveGrade', data: { proposalId: 'p-2' } },
      [...creditWorthy(50_000), proposal, review('cfo'), review('marketing_vp')].reduce(
        d.evolve,
        d.initialState(),
      ),
      ctx('gm'),
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'GradeApproved',
        data: expect.objectContaining({ grade: 'C', previousGrade: 'A' }),
      }),
      expect.objectContaining({
        type: 'CreditLimitAdjusted',
        data: expect.objectContaining({ previousLimitFen: 50_000, limitFen: 0 }),
      }),
    ]);
  });
});

describe('prepayments (CRD-08)', () => {
  it('a prepayment counts as exposure until the goods are accepted', () => {
    const d = creditAccountDecider(ACCOUNT);
    const history = creditWorthy(10_000);
    const [approved] = d.decide(
      { type: 'CheckCredit', data: { orderId: 'pp-1', kind: 'prepayment', amountFen: 10_000 } },
      history.reduce(d.evolve, d.initialState()),
      ctx('staff'),
    );
    expect(approved).toMatchObject({ type: 'CreditSaleApproved', data: { kind: 'prepayment' } });
    const withPrepayment = [...history, approved as CreditAccountEvent];
    const check = {
      type: 'CheckCredit' as const,
      data: { orderId: 'pp-2', kind: 'prepayment' as const, amountFen: 1 },
    };
    expect(d.decide(check, withPrepayment.reduce(d.evolve, d.initialState()), ctx('staff'))[0]).toMatchObject(
      {
        type: 'CreditSaleHeld',
        data: { reasons: ['over_limit'], snapshot: { exposureFen: 10_000 } },
      },
    );
    const accepted = d.decide(
      { type: 'RecordGoodsAccepted', data: { orderId: 'pp-1' } },
      withPrepayment.reduce(d.evolve, d.initialState()),
      ctx('staff'),
    );
    expect(accepted.map((e) => e.type)).toEqual(['PrepaymentGoodsAccepted', 'ExposureClearedToZero']);
    expect(
      d.decide(check, [...withPrepayment, ...accepted].reduce(d.evolve, d.initialState()), ctx('staff'))[0],
    ).toMatchObject({ type: 'CreditSaleApproved' });
  });
});
