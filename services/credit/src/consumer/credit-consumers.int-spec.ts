import { randomUUID } from 'node:crypto';
import {
  COMPLAINT_NOT_ESTABLISHED,
  COMPLAINT_SETTLEMENT_APPROVED,
  type ComplaintNotEstablishedV1,
  type ComplaintSettlementApprovedV1,
} from '@crm/complaints-contracts';
import type { KafkaEnvelope } from '@crm/messaging';
import { eventually } from '@crm/testing';
import {
  aCustomerRegistered,
  customerEventEnvelope,
  publishCustomerEvent,
} from '@crm/customers-directory-replica';
import { startCreditTestApp, type CreditTestApp } from '../testing/credit-test-app';
import { creditApi, creditWorthyAccount, setPortfolioCap, type CreditApi } from '../testing/credit-flow';

jest.setTimeout(180_000);

const settlement = (
  customerId: string,
  overrides: Partial<ComplaintSettlementApprovedV1> = {},
): ComplaintSettlementApprovedV1 => ({
  settlementId: randomUUID(),
  caseId: randomUUID(),
  caseNumber: '2607-0001',
  customerId,
  kind: 'allowance',
  amountFen: 4_000,
  approvedBy: 'cs_manager-1',
  approvedAt: '2026-07-15T02:00:00.000Z',
  policyVersion: 1,
  ...overrides,
});

/** The envelope the complaints relay would publish (keyed by customer id). */
const envelope = (
  type: string,
  data: ComplaintSettlementApprovedV1 | ComplaintNotEstablishedV1,
  eventId = randomUUID(),
): KafkaEnvelope => ({
  eventId,
  type,
  streamId: `complaint-${data.caseId}`,
  aggregateId: data.customerId,
  version: 3,
  position: { commit: '1', prepare: '1' },
  occurredAt: '2026-07-15T02:00:00.000Z',
  recordedAt: '2026-07-15T02:00:00.000Z',
  correlationId: `complaints-${randomUUID()}`,
  data: { ...data },
});

describe('complaint settlements become credit notes (real Kafka + PostgreSQL)', () => {
  let t: CreditTestApp;
  let api: CreditApi;

  const publish = (e: KafkaEnvelope) =>
    t.producer.send({
      topic: t.config.COMPLAINTS_TOPIC,
      messages: [{ key: e.aggregateId, value: JSON.stringify(e) }],
    });

  const notes = async (accountId: string) => {
    const res = await api.get(`/credit-accounts/${accountId}`);
    return res.status === 200
      ? (res.body as { creditNotes: number; invoices: { openFen: number }[]; unappliedCreditFen: number })
      : undefined;
  };

  beforeAll(async () => {
    t = await startCreditTestApp({ consumeComplaints: true });
    api = await creditApi(t);
    await setPortfolioCap(api, 1_000_000_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('one settlement delivered twice (same event) and again (new event id) gives exactly one credit note', async () => {
    const accountId = `cust-${randomUUID()}`;
    await creditWorthyAccount(api, accountId, 50_000);
    await api
      .post(`/credit-accounts/${accountId}/credit-checks`, 'staff', {
        orderId: 'o-1',
        kind: 'credit_sale',
        amountFen: 10_000,
      })
      .expect(201);
    await api
      .post(`/credit-accounts/${accountId}/shipments`, 'staff', {
        orderId: 'o-1',
        shippedAt: '2026-07-15T02:00:00.000Z',
      })
      .expect(201);

    const once = settlement(accountId);
    const first = envelope(COMPLAINT_SETTLEMENT_APPROVED, once);
    await publish(first);
    await publish(first);
    await publish(envelope(COMPLAINT_SETTLEMENT_APPROVED, once));
    await publish(
      envelope(COMPLAINT_NOT_ESTABLISHED, {
        caseId: randomUUID(),
        caseNumber: '2607-0002',
        customerId: accountId,
        decidedAt: '2026-07-15T02:00:00.000Z',
      }),
    );
    // Same key, so it is consumed after the duplicates: once it shows, they have all been handled.
    const sentinel = settlement(accountId, { amountFen: 1_000 });
    await publish(envelope(COMPLAINT_SETTLEMENT_APPROVED, sentinel));

    const account = await eventually(async () => {
      const a = await notes(accountId);
      return a !== undefined && a.creditNotes === 2 ? a : undefined;
    }, 'the sentinel settlement credited');
    expect(account.creditNotes).toBe(2);
    expect(account.invoices[0]?.openFen).toBe(10_000 - 4_000 - 1_000);

    const history = await api.get(`/audit/streams/credit-account-${accountId}`, 'auditor').expect(200);
    const events = (history.body.events ?? history.body) as {
      type: string;
      data: { settlementId?: string };
    }[];
    expect(
      events.filter((e) => e.type === 'CreditNoteIssued' && e.data.settlementId === once.settlementId),
    ).toHaveLength(1);
  });

  it('a customer account shows its owner from the customers topic (directory replica, same consumer)', async () => {
    const customer = aCustomerRegistered({ ownerBu: 'bu-credit-7' });
    await publishCustomerEvent(t.producer, t.config.CUSTOMERS_TOPIC, customerEventEnvelope({ ...customer }));
    await api
      .post('/credit-accounts', 'credit_controller', {
        accountId: customer.customerId,
        counterpartyKind: 'customer',
        customerId: customer.customerId,
      })
      .expect(201);
    const linked = await eventually(async () => {
      const res = await api.get(`/credit-accounts/${customer.customerId}`).expect(200);
      return res.body.customer !== null ? res.body.customer : undefined;
    }, 'the owner from the directory replica');
    expect(linked).toEqual({
      ownerBu: 'bu-credit-7',
      ownerEmployeeId: customer.ownerEmployeeId,
      forgotten: false,
    });
  });

  it('a settlement for a customer without a credit account lands on a new account’s receivables', async () => {
    const customerId = `cust-${randomUUID()}`;
    await publish(envelope(COMPLAINT_SETTLEMENT_APPROVED, settlement(customerId, { amountFen: 2_500 })));
    const account = await eventually(async () => {
      const a = await notes(customerId);
      return a?.creditNotes === 1 ? a : undefined;
    }, 'the credit note on a new account');
    expect(account.unappliedCreditFen).toBe(2_500);
  });
});
