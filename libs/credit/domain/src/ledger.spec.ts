import { CREDIT_POLICY_V1 } from './credit-policy';
import type { OpenCreditAccountState } from './credit-account';
import type { CreditAccountEvent } from './credit-account.events';
import { creditAccountDecider } from './credit-account.decide';
import { agingOf } from './exposure';
import { specFor } from '@crm/decider-testing';
import { ACCOUNT, approvedSale, creditWorthy, ctx, invoiced, NOW } from './testing/fixtures';

const spec = specFor(creditAccountDecider(ACCOUNT));
const d = creditAccountDecider(ACCOUNT);
const stateOf = (history: CreditAccountEvent[]) =>
  history.reduce(d.evolve, d.initialState()) as OpenCreditAccountState;

describe('ledger (domain §5.5)', () => {
  it('a shipment becomes an invoice due at ship date + the granted term', () => {
    spec
      .given([...creditWorthy(50_000), approvedSale('o-1', 20_000)])
      .when(
        { type: 'RecordShipment', data: { orderId: 'o-1', shippedAt: '2026-07-10T04:00:00.000Z' } },
        ctx('staff'),
      )
      .then([
        {
          type: 'InvoiceIssued',
          data: {
            accountId: ACCOUNT,
            invoiceId: 'o-1',
            orderId: 'o-1',
            amountFen: 20_000,
            shippedAt: '2026-07-10T04:00:00.000Z',
            termDays: 30,
            dueAt: '2026-08-09T04:00:00.000Z',
            creditAppliedFen: 0,
          },
        },
      ]);
  });

  it('a held order does not ship', () => {
    const history = [
      ...creditWorthy(1),
      ...d.decide(
        { type: 'CheckCredit', data: { orderId: 'o-1', kind: 'credit_sale', amountFen: 5 } },
        stateOf(creditWorthy(1)),
        ctx('staff'),
      ),
    ];
    spec
      .given(history)
      .when({ type: 'RecordShipment', data: { orderId: 'o-1', shippedAt: NOW.toISOString() } }, ctx('staff'))
      .thenRefused({ code: 'credit.order_not_shippable' });
  });

  const twoInvoices = [
    ...creditWorthy(100_000),
    ...invoiced('new', 7_000, '2026-07-01T00:00:00.000Z', '2026-07-31T00:00:00.000Z'),
    ...invoiced('old', 5_000, '2026-06-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'),
  ];

  it('a payment settles the oldest invoice first; the rest stays as credit', () => {
    spec
      .given(twoInvoices)
      .when(
        {
          type: 'RecordPayment',
          data: { paymentId: 'pay-1', amountFen: 13_000, receivedAt: NOW.toISOString() },
        },
        ctx('credit_controller'),
      )
      .then([
        {
          type: 'PaymentReceived',
          data: {
            accountId: ACCOUNT,
            paymentId: 'pay-1',
            amountFen: 13_000,
            receivedAt: NOW.toISOString(),
            allocations: [
              { invoiceId: 'old', fen: 5_000 },
              { invoiceId: 'new', fen: 7_000 },
            ],
            unappliedFen: 1_000,
          },
        },
        { type: 'ExposureClearedToZero', data: { accountId: ACCOUNT, clearedAt: NOW.toISOString() } },
      ]);
  });

  it('the due-date timer marks an open invoice overdue and blocks the account; settling it unblocks', () => {
    const overdue: CreditAccountEvent[] = [
      {
        type: 'InvoiceOverdue',
        data: { accountId: ACCOUNT, invoiceId: 'old', dueAt: '2026-07-01T00:00:00.000Z', openFen: 5_000 },
      },
      {
        type: 'AccountBlocked',
        data: {
          accountId: ACCOUNT,
          customerId: ACCOUNT,
          reason: 'overdue_invoice',
          invoiceIds: ['old'],
          blockedAt: NOW.toISOString(),
        },
      },
    ];
    spec
      .given(twoInvoices)
      .when({ type: 'MarkInvoiceOverdue', data: { invoiceId: 'old' } }, ctx('system'))
      .then(overdue);
    spec
      .given([...twoInvoices, ...overdue])
      .when({ type: 'MarkInvoiceOverdue', data: { invoiceId: 'old' } }, ctx('system'))
      .then([]);
    spec
      .given(twoInvoices)
      .when({ type: 'MarkInvoiceOverdue', data: { invoiceId: 'new' } }, ctx('system'))
      .then([]);
    const [, unblocked] = d.decide(
      {
        type: 'RecordPayment',
        data: { paymentId: 'pay-2', amountFen: 5_000, receivedAt: NOW.toISOString() },
      },
      stateOf([...twoInvoices, ...overdue]),
      ctx('credit_controller'),
    );
    expect(unblocked).toEqual({
      type: 'AccountUnblocked',
      data: { accountId: ACCOUNT, customerId: ACCOUNT, unblockedAt: NOW.toISOString() },
    });
  });

  it('a paid invoice is not marked overdue when its timer fires', () => {
    const paid: CreditAccountEvent = {
      type: 'PaymentReceived',
      data: {
        accountId: ACCOUNT,
        paymentId: 'p',
        amountFen: 5_000,
        receivedAt: NOW.toISOString(),
        allocations: [{ invoiceId: 'old', fen: 5_000 }],
        unappliedFen: 0,
      },
    };
    spec
      .given([...twoInvoices, paid])
      .when({ type: 'MarkInvoiceOverdue', data: { invoiceId: 'old' } }, ctx('system'))
      .then([]);
  });

  it('a complaint settlement gives exactly one credit note per settlement id', () => {
    const note = {
      type: 'IssueCreditNote' as const,
      data: {
        settlementId: 'set-1',
        caseId: 'case-1',
        caseNumber: '2607-0001',
        settlementKind: 'allowance',
        amountFen: 6_000,
      },
    };
    const [issued] = d.decide(note, stateOf(twoInvoices), ctx('system'));
    expect(issued).toMatchObject({
      type: 'CreditNoteIssued',
      data: {
        allocations: [
          { invoiceId: 'old', fen: 5_000 },
          { invoiceId: 'new', fen: 1_000 },
        ],
        unappliedFen: 0,
      },
    });
    spec
      .given([...twoInvoices, issued as CreditAccountEvent])
      .when(note, ctx('system'))
      .then([]);
  });

  it('a settlement for a customer without an account opens one for the receivables', () => {
    const events = d.decide(
      {
        type: 'IssueCreditNote',
        data: {
          settlementId: 's',
          caseId: 'c',
          caseNumber: '2607-0002',
          settlementKind: 'return',
          amountFen: 100,
        },
      },
      d.initialState(),
      ctx('system'),
    );
    expect(events.map((e) => e.type)).toEqual(['CreditAccountOpened', 'CreditNoteIssued']);
  });

  it('a default over 2 months is escalated once (CRD-70)', () => {
    const late = ctx('system', new Date('2026-09-01T00:00:01.000Z'));
    spec
      .given(twoInvoices)
      .when({ type: 'EscalateDefault', data: { invoiceId: 'old' } }, late)
      .then([
        {
          type: 'DefaultEscalated',
          data: {
            accountId: ACCOUNT,
            invoiceId: 'old',
            dueAt: '2026-07-01T00:00:00.000Z',
            openFen: 5_000,
            rule: 'CRD-70',
            escalatedAt: late.now.toISOString(),
            policyVersion: 'v1',
          },
        },
      ]);
    spec
      .given(twoInvoices)
      .when(
        { type: 'EscalateDefault', data: { invoiceId: 'old' } },
        ctx('system', new Date('2026-08-31T00:00:00.000Z')),
      )
      .then([]);
  });

  it('aging buckets 0–30, 31–60, 61–90, > 90 days past due', () => {
    const history = [
      ...creditWorthy(1_000_000),
      ...invoiced('current', 1, '2026-07-10T00:00:00.000Z', '2026-08-09T00:00:00.000Z'),
      ...invoiced('d30', 2, '2026-05-10T00:00:00.000Z', '2026-06-15T02:00:00.000Z'),
      ...invoiced('d31', 4, '2026-05-10T00:00:00.000Z', '2026-06-14T02:00:00.000Z'),
      ...invoiced('d75', 8, '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'),
      ...invoiced('d120', 16, '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
    ];
    expect(agingOf(stateOf(history), NOW, CREDIT_POLICY_V1)).toEqual([
      { label: '0-30', fen: 3, invoiceIds: ['current', 'd30'] },
      { label: '31-60', fen: 4, invoiceIds: ['d31'] },
      { label: '61-90', fen: 8, invoiceIds: ['d75'] },
      { label: '>90', fen: 16, invoiceIds: ['d120'] },
    ]);
  });
});
