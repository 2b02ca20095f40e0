import type { CreditAccountEvent } from './credit-account.events';
import { creditAccountDecider } from './credit-account.decide';
import { specFor } from '@crm/decider-testing';
import { ACCOUNT, creditWorthy, ctx, invoiced, NOW } from './testing/fixtures';

const spec = specFor(creditAccountDecider(ACCOUNT));
const d = creditAccountDecider(ACCOUNT);

const scheduled = (period: 'monthly' | 'quarterly', dueAt: string): CreditAccountEvent => ({
  type: 'CreditReviewScheduled',
  data: { accountId: ACCOUNT, period, dueAt, policyVersion: 'v1' },
});

describe('reviews and limit adjustments (CRD-50..54)', () => {
  it('completing the monthly review schedules the next one a month later', () => {
    spec
      .given([...creditWorthy(), scheduled('monthly', '2026-07-10T00:00:00.000Z')])
      .when(
        { type: 'CompleteReview', data: { period: 'monthly', evaluation: 'stable' } },
        ctx('marketing_manager'),
      )
      .then([
        {
          type: 'CreditReviewCompleted',
          data: {
            accountId: ACCOUNT,
            period: 'monthly',
            dueAt: '2026-07-10T00:00:00.000Z',
            reviewerId: 'marketing_manager-1',
            evaluation: 'stable',
          },
        },
        scheduled('monthly', '2026-08-15T02:00:00.000Z'),
      ]);
  });

  it('refuses a review that is not scheduled', () => {
    spec
      .given(creditWorthy())
      .when(
        { type: 'CompleteReview', data: { period: 'quarterly', evaluation: 'x' } },
        ctx('marketing_manager'),
      )
      .thenRefused({ code: 'credit.no_review_due' });
  });

  const propose = (newLimitFen: number, exceptionReason?: string) => ({
    type: 'ProposeLimitAdjustment' as const,
    data: {
      adjustmentId: 'adj-1',
      newLimitFen,
      ...(exceptionReason !== undefined ? { exceptionReason } : {}),
    },
  });

  it('an adjustment must lower the limit (CRD-54): raising or keeping it without an exception is refused', () => {
    for (const newLimit of [50_000, 50_001]) {
      spec
        .given(creditWorthy(50_000))
        .when(propose(newLimit), ctx('marketing_manager'))
        .thenRefused({ kind: 'rule', code: 'credit.adjustment_must_lower', rule: 'CRD-54' });
    }
  });

  const approval = (role: string): CreditAccountEvent => ({
    type: 'LimitAdjustmentApproved',
    data: { accountId: ACCOUNT, adjustmentId: 'adj-1', role, approverId: `${role}-1` },
  });

  it('a raise with an exception reason takes effect only with the marketing VP, the GM and the chairman', () => {
    const history = [...creditWorthy(50_000)];
    const [p] = d.decide(
      propose(70_000, 'new warehouse contract'),
      history.reduce(d.evolve, d.initialState()),
      ctx('marketing_manager'),
    );
    expect(p).toMatchObject({
      type: 'LimitAdjustmentProposed',
      data: { currentLimitFen: 50_000, newLimitFen: 70_000, exceptionReason: 'new warehouse contract' },
    });
    const pending = [...history, p as CreditAccountEvent];
    spec
      .given(pending)
      .when({ type: 'ApproveLimitAdjustment', data: { adjustmentId: 'adj-1' } }, ctx('gm'))
      .thenRefused({ code: 'credit.endorsement_missing' });
    spec
      .given([...pending, approval('marketing_vp'), approval('gm')])
      .when({ type: 'ApproveLimitAdjustment', data: { adjustmentId: 'adj-1' } }, ctx('chairman'))
      .then([
        approval('chairman'),
        {
          type: 'CreditLimitAdjusted',
          data: {
            accountId: ACCOUNT,
            customerId: ACCOUNT,
            adjustmentId: 'adj-1',
            previousLimitFen: 50_000,
            limitFen: 70_000,
            exception: true,
            exceptionReason: 'new warehouse contract',
            effectiveAt: NOW.toISOString(),
            policyVersion: 'v1',
          },
        },
      ]);
  });

  const contract: CreditAccountEvent = {
    type: 'CreditContractRecorded',
    data: {
      accountId: ACCOUNT,
      contractId: 'k-1',
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2026-12-31T00:00:00.000Z',
      renewalOpensAt: '2026-11-30T00:00:00.000Z',
      policyVersion: 'v1',
    },
  };

  it('records a contract with its renewal window one month before the end (CRD-45)', () => {
    spec
      .given(creditWorthy())
      .when(
        {
          type: 'RecordContract',
          data: { contractId: 'k-1', startsAt: '2026-01-01T00:00:00Z', endsAt: '2026-12-31T00:00:00Z' },
        },
        ctx('marketing_manager'),
      )
      .then([contract]);
    spec
      .given([...creditWorthy(), contract])
      .when(
        { type: 'OpenRenewalWindow', data: { contractId: 'k-1' } },
        ctx('system', new Date('2026-11-30T00:00:00.000Z')),
      )
      .then([
        {
          type: 'ContractRenewalWindowOpened',
          data: {
            accountId: ACCOUNT,
            contractId: 'k-1',
            endsAt: '2026-12-31T00:00:00.000Z',
            openedAt: '2026-11-30T00:00:00.000Z',
          },
        },
      ]);
  });

  it('at the contract end, records whether the exposure cleared to zero once', () => {
    const end = ctx('system', new Date('2026-12-31T00:00:00.000Z'));
    const ended = (cleared: boolean): CreditAccountEvent => ({
      type: 'ContractPeriodEnded',
      data: {
        accountId: ACCOUNT,
        contractId: 'k-1',
        exposureClearedOnce: cleared,
        rule: 'CRD-45',
        endedAt: end.now.toISOString(),
      },
    });
    const withInvoice = [
      ...creditWorthy(),
      contract,
      ...invoiced('o-1', 1_000, '2026-07-01T00:00:00.000Z', '2026-07-31T00:00:00.000Z'),
    ];
    spec
      .given(withInvoice)
      .when({ type: 'EndContractPeriod', data: { contractId: 'k-1' } }, end)
      .then([ended(false)]);

    const paid = d.decide(
      { type: 'RecordPayment', data: { paymentId: 'p-1', amountFen: 1_000, receivedAt: NOW.toISOString() } },
      withInvoice.reduce(d.evolve, d.initialState()),
      ctx('credit_controller'),
    );
    expect(paid.map((e) => e.type)).toEqual(['PaymentReceived', 'ExposureClearedToZero']);
    spec
      .given([...withInvoice, ...paid])
      .when({ type: 'EndContractPeriod', data: { contractId: 'k-1' } }, end)
      .then([ended(true)]);
  });
});
