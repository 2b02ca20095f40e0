import type { CreditAccountEvent } from './credit-account.events';
import { creditAccountDecider } from './credit-account.decide';
import type { CheckCredit } from './credit-account.commands';
import { specFor } from '@crm/decider-testing';
import {
  ACCOUNT,
  aFacts,
  approvedSale,
  creditWorthy,
  ctx,
  filedDossier,
  gradeApproved,
  invoiced,
  limitGranted,
  NOW,
  opened,
} from './testing/fixtures';

const spec = specFor(creditAccountDecider(ACCOUNT));
const check = (amountFen: number, orderId = 'o-new'): CheckCredit => ({
  type: 'CheckCredit',
  data: { orderId, kind: 'credit_sale', amountFen },
});
const decide = (history: CreditAccountEvent[], amountFen: number, now = NOW) => {
  const d = creditAccountDecider(ACCOUNT);
  return d.decide(check(amountFen), history.reduce(d.evolve, d.initialState()), ctx('staff', now));
};

describe('credit check (domain §5.4)', () => {
  it('approves within the limit and records what it saw with the policy version', () => {
    spec
      .given([...creditWorthy(50_000), approvedSale('o-1', 20_000)])
      .when(check(30_000), ctx('staff'))
      .then([
        {
          type: 'CreditSaleApproved',
          data: {
            accountId: ACCOUNT,
            customerId: ACCOUNT,
            orderId: 'o-new',
            kind: 'credit_sale',
            amountFen: 30_000,
            snapshot: {
              exposureFen: 20_000,
              limitFen: 50_000,
              grade: 'A',
              overdueItems: [],
              previousBalanceOpenFen: 0,
              dossierStaleAt: '2026-10-01T02:00:00.000Z',
            },
            decidedAt: NOW.toISOString(),
            policyVersion: 'v1',
          },
        },
      ]);
  });

  it('holds a sale that exceeds the limit by 1 fen (CRD-40)', () => {
    const [event] = decide([...creditWorthy(50_000), approvedSale('o-1', 20_000)], 30_001);
    expect(event).toMatchObject({
      type: 'CreditSaleHeld',
      data: { reasons: ['over_limit'], rules: ['CRD-40'] },
    });
  });

  it('holds while any invoice is overdue, even within the limit', () => {
    const history = [
      ...creditWorthy(500_000),
      ...invoiced('o-1', 10_000, '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
    ];
    const [event] = decide(history, 1_000);
    expect(event).toMatchObject({
      type: 'CreditSaleHeld',
      data: {
        reasons: ['overdue_invoice'],
        snapshot: {
          overdueItems: [{ invoiceId: 'o-1', dueAt: '2026-07-01T00:00:00.000Z', openFen: 10_000 }],
        },
      },
    });
  });

  it('holds while the reconciled previous balance is unsettled (CRD-44)', () => {
    const history = [
      ...creditWorthy(500_000),
      ...invoiced('o-1', 10_000, '2026-06-20T00:00:00.000Z', '2026-07-20T00:00:00.000Z'),
      {
        type: 'AccountReconciled',
        data: {
          accountId: ACCOUNT,
          periodEnd: '2026-06-30T16:00:00.000Z',
          balanceFen: 10_000,
          invoiceIds: ['o-1'],
          reconciledBy: 'cc',
        },
      } as CreditAccountEvent,
    ];
    expect(decide(history, 1_000)[0]).toMatchObject({
      type: 'CreditSaleHeld',
      data: {
        reasons: ['previous_balance_unsettled'],
        rules: ['CRD-44'],
        snapshot: { previousBalanceOpenFen: 10_000 },
      },
    });
  });

  it('holds when the dossier is stale (a quarter after filing, CRD-15)', () => {
    const history = [
      opened(),
      ...filedDossier(aFacts(), '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
      gradeApproved('A'),
      limitGranted(50_000),
    ];
    expect(decide(history, 1_000)[0]).toMatchObject({
      type: 'CreditSaleHeld',
      data: { reasons: ['dossier_stale'], rules: ['CRD-15'] },
    });
  });

  it('holds with every reason that applies at once', () => {
    const history = [
      opened(),
      ...filedDossier(aFacts(), '2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
      gradeApproved('B'),
      limitGranted(20_000),
      ...invoiced('o-1', 15_000, '2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z'),
      {
        type: 'AccountReconciled',
        data: {
          accountId: ACCOUNT,
          periodEnd: '2026-05-31T16:00:00.000Z',
          balanceFen: 15_000,
          invoiceIds: ['o-1'],
          reconciledBy: 'cc',
        },
      } as CreditAccountEvent,
    ];
    expect(decide(history, 5_001)[0]).toMatchObject({
      type: 'CreditSaleHeld',
      data: {
        reasons: ['over_limit', 'overdue_invoice', 'previous_balance_unsettled', 'dossier_stale'],
        rules: ['CRD-40', 'CRD-44', 'CRD-15'],
        snapshot: { exposureFen: 15_000, limitFen: 20_000, grade: 'B' },
      },
    });
  });

  it('refuses a grade C account’s credit sale (CRD-35)', () => {
    spec
      .given([opened(), ...filedDossier(), gradeApproved('C'), limitGranted(50_000)])
      .when(check(1), ctx('staff'))
      .thenRefused({ kind: 'rule', code: 'credit.grade_c_refused', rule: 'CRD-35' });
  });

  it('an account without a limit but with exposure may only go down (CRD-43)', () => {
    spec
      .given([
        opened(),
        ...filedDossier(),
        gradeApproved('A'),
        ...invoiced('o-1', 5_000, '2026-07-10T00:00:00.000Z', '2026-08-09T00:00:00.000Z'),
      ])
      .when(check(1), ctx('staff'))
      .thenRefused({
        kind: 'rule',
        code: 'credit.no_limit',
        rule: 'CRD-43',
        details: { exposureFen: 5_000 },
      });
  });

  it('without a limit and without exposure it is cash on delivery (CRD-30)', () => {
    spec
      .given([opened(), ...filedDossier(), gradeApproved('A')])
      .when(check(1), ctx('staff'))
      .thenRefused({ rule: 'CRD-30' });
  });

  it('refuses a second check of the same order, a non-positive amount and an unknown account', () => {
    spec
      .given([...creditWorthy(), approvedSale('o-1', 1)])
      .when(check(1, 'o-1'), ctx('staff'))
      .thenRefused({ kind: 'conflict' });
    spec
      .given(creditWorthy())
      .when(check(0), ctx('staff'))
      .thenRefused({ kind: 'invalid', details: { field: 'amountFen' } });
    spec.given([]).when(check(1), ctx('staff')).thenRefused({ kind: 'not_found' });
  });

  it('exposure counts approved unshipped orders and open invoices, less credit owed', () => {
    const history = [
      ...creditWorthy(50_000),
      approvedSale('o-1', 10_000),
      ...invoiced('o-2', 20_000, '2026-07-10T00:00:00.000Z', '2026-08-09T00:00:00.000Z'),
      {
        type: 'CreditNoteIssued',
        data: {
          accountId: ACCOUNT,
          settlementId: 's-1',
          caseId: 'c',
          caseNumber: '2607-0001',
          settlementKind: 'allowance',
          amountFen: 5_000,
          issuedAt: NOW.toISOString(),
          allocations: [{ invoiceId: 'o-2', fen: 5_000 }],
          unappliedFen: 0,
        },
      } as CreditAccountEvent,
    ];
    expect(decide(history, 25_000)[0]).toMatchObject({
      type: 'CreditSaleApproved',
      data: { snapshot: { exposureFen: 25_000 } },
    });
    expect(decide(history, 25_001)[0]).toMatchObject({ type: 'CreditSaleHeld' });
  });
});

describe('holds are released only by a formal marketing-VP approval (CRD-41)', () => {
  const held = (): CreditAccountEvent[] => [...creditWorthy(10_000), ...decide(creditWorthy(10_000), 10_001)];
  const requested: CreditAccountEvent = {
    type: 'HoldReleaseRequested',
    data: {
      accountId: ACCOUNT,
      orderId: 'o-new',
      requestedBy: 'marketing_manager-1',
      creditControllerId: 'cc-1',
    },
  };
  const release = (yes: boolean) => ({
    type: 'DecideHold' as const,
    data: { orderId: 'o-new', release: yes, reason: 'strategic' },
  });

  it('the marketing manager requests with the credit controller', () => {
    spec
      .given(held())
      .when(
        { type: 'RequestHoldRelease', data: { orderId: 'o-new', creditControllerId: 'cc-1' } },
        ctx('marketing_manager'),
      )
      .then([requested]);
  });

  it.each(['gm', 'cfo', 'marketing_manager', 'credit_controller', 'chairman'])(
    'the %s cannot release',
    (role) => {
      spec
        .given([...held(), requested])
        .when(release(true), ctx(role))
        .thenRefused({ kind: 'forbidden' });
    },
  );

  it('the marketing VP cannot release without the formal request', () => {
    spec
      .given(held())
      .when(release(true), ctx('marketing_vp'))
      .thenRefused({ code: 'credit.release_not_requested', rule: 'CRD-41' });
  });

  it('the marketing VP releases on request; the amount then counts as exposure', () => {
    spec
      .given([...held(), requested])
      .when(release(true), ctx('marketing_vp'))
      .then([
        {
          type: 'CreditHoldReleased',
          data: {
            accountId: ACCOUNT,
            orderId: 'o-new',
            amountFen: 10_001,
            approvedBy: 'marketing_vp-1',
            reason: 'strategic',
          },
        },
      ]);
    const d = creditAccountDecider(ACCOUNT);
    const released: CreditAccountEvent = {
      type: 'CreditHoldReleased',
      data: {
        accountId: ACCOUNT,
        orderId: 'o-new',
        amountFen: 10_001,
        approvedBy: 'marketing_vp-1',
        reason: 'strategic',
      },
    };
    const [next] = d.decide(
      { type: 'CheckCredit', data: { orderId: 'o-2', kind: 'credit_sale', amountFen: 1 } },
      [...held(), requested, released].reduce(d.evolve, d.initialState()),
      ctx('staff'),
    );
    expect(next).toMatchObject({ type: 'CreditSaleHeld', data: { snapshot: { exposureFen: 10_001 } } });
  });

  it('otherwise the held order is rejected, and a rejected order cannot be released later', () => {
    const rejected: CreditAccountEvent = {
      type: 'CreditHoldRejected',
      data: { accountId: ACCOUNT, orderId: 'o-new', rejectedBy: 'marketing_vp-1', reason: 'strategic' },
    };
    spec.given(held()).when(release(false), ctx('marketing_vp')).then([rejected]);
    spec
      .given([...held(), requested, rejected])
      .when(release(true), ctx('marketing_vp'))
      .thenRefused({ code: 'credit.order_not_held' });
  });
});
