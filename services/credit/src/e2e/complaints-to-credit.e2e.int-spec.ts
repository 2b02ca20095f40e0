import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import { COMPLAINT_SETTLEMENT_APPROVED, parseComplaintSettlementApprovedV1 } from '@crm/complaints-contracts';
import { eventually, startServiceProcess, testDatabaseUrl, type ServiceProcess } from '@crm/testing';
import { creditAccount, e2eEnvironment, settleComplaint, type E2eEnvironment } from './e2e-processes';

jest.setTimeout(180_000);

/**
 * End to end over real infrastructure, both services in their own processes started like
 * production (main.ts): a complaint worked over the complaints API up to the customer's acceptance
 * of an approved allowance publishes ComplaintSettlementApproved; the credit process, fed only by
 * Kafka, turns each settlement into exactly one credit note on the customer's account (domain §4.8,
 * §6), even when the message is delivered again.
 */
describe('complaints → Kafka → credit notes (e2e, separate processes)', () => {
  let e2e: E2eEnvironment;
  let complaints: ServiceProcess | undefined;
  let credit: ServiceProcess | undefined;

  /** The settlement message of a case as the complaints relay put it on the topic. */
  const settlementMessage = async (caseId: string): Promise<KafkaMessage> => {
    const consumer = e2e.kafka.consumer({ groupId: `e2e-reader-${randomUUID()}` });
    let found: KafkaMessage | undefined;
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [e2e.topics.COMPLAINTS_TOPIC], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const envelope = JSON.parse(message.value?.toString() ?? '{}') as {
            type?: string;
            data?: { caseId?: string };
          };
          if (envelope.type === COMPLAINT_SETTLEMENT_APPROVED && envelope.data?.caseId === caseId)
            found = message;
        },
      });
      return await eventually(async () => found, `the settlement of case ${caseId} on the complaints topic`);
    } finally {
      await consumer.disconnect();
    }
  };

  beforeAll(async () => {
    e2e = await e2eEnvironment({
      agent: { sub: 'agent-1', bu: 'bu-cs', roles: ['cs_agent'] },
      csm: { sub: 'csm-1', bu: 'bu-cs', roles: ['cs_manager'] },
      'handler-1': { sub: 'handler-1', bu: 'bu-1', roles: ['staff'] },
      auditor: { sub: 'aud-1', roles: ['auditor'] },
    });
    // Sequential: two cold starts at once on a loaded 2-core machine only slow both down.
    complaints = await startServiceProcess('complaints', e2e.env('complaints'));
    credit = await startServiceProcess('credit', e2e.env('credit'));
  });

  afterAll(async () => {
    await e2e?.close([complaints, credit]);
  });

  it('an accepted allowance becomes exactly one credit note on the customer account, also when delivered again', async () => {
    const customerId = `cust-e2e-${randomUUID()}`;
    const concerned = { concernedEmployeeId: 'emp-9', concernedBu: 'bu-1' };
    const allowanceCase = await settleComplaint(
      e2e,
      complaints,
      customerId,
      { kind: 'allowance', amountFen: 30_000, bu: 'bu-1' },
      concerned,
    );

    const first = await eventually(async () => {
      const account = await creditAccount(e2e, credit, customerId);
      return account !== undefined && Number(account['creditNotes']) >= 1 ? account : undefined;
    }, `the credit note of case ${allowanceCase} in the credit process`);
    expect(first).toMatchObject({ creditNotes: 1, unappliedCreditFen: 30_000 });

    // Redeliver the very message the complaints relay published (same event id: the inbox drops
    // it), and the same settlement as a new event (new id: only the settlement id can catch it).
    const original = await settlementMessage(allowanceCase);
    const settlement = parseComplaintSettlementApprovedV1(
      (JSON.parse(original.value?.toString() ?? '{}') as { data: unknown }).data,
    );
    expect(settlement).toMatchObject({
      caseId: allowanceCase,
      customerId,
      kind: 'allowance',
      amountFen: 30_000,
      approvedBy: 'csm-1',
    });
    const copyEventId = randomUUID();
    const producer = e2e.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: e2e.topics.COMPLAINTS_TOPIC,
      messages: [
        { key: original.key, value: original.value, headers: original.headers ?? {} },
        {
          key: original.key,
          value: JSON.stringify({
            ...(JSON.parse(original.value?.toString() ?? '{}') as object),
            eventId: copyEventId,
          }),
        },
      ],
    });
    await producer.disconnect();

    // A second case of the same customer (a return) is keyed alike, so it is consumed after the
    // redelivery: once its note shows, both duplicates have been handled — and changed nothing.
    const returnCase = await settleComplaint(
      e2e,
      complaints,
      customerId,
      { kind: 'return', amountFen: 5_000, bu: 'bu-1' },
      concerned,
    );
    const after = await eventually(async () => {
      const account = await creditAccount(e2e, credit, customerId);
      return account !== undefined && Number(account['unappliedCreditFen']) >= 35_000 ? account : undefined;
    }, `the credit note of case ${returnCase} in the credit process`);
    expect(after).toMatchObject({ creditNotes: 2, unappliedCreditFen: 35_000 });

    // The copy under a new event id was handled (inbox) and refused by nothing (no dead letter):
    // the settlement id alone kept it from becoming a second note.
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      const schema = e2e.schema('credit');
      const inbox = await pool.query(`select count(*)::int as n from "${schema}".inbox where event_id = $1`, [
        copyEventId,
      ]);
      expect(inbox.rows[0].n).toBe(1);
      const dead = await pool.query(`select count(*)::int as n from "${schema}".dead_letters`);
      expect(dead.rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }

    const history = await e2e.call(credit, 'GET', `/audit/streams/credit-account-${customerId}`, 'auditor');
    expect(history.status).toBe(200);
    const events = (history.body['events'] ?? history.body) as { type: string; data: object }[];
    expect(events.filter((e) => e.type === 'CreditNoteIssued').map((e) => e.data)).toEqual([
      expect.objectContaining({
        settlementId: settlement.settlementId,
        caseId: allowanceCase,
        settlementKind: 'allowance',
        amountFen: 30_000,
      }),
      expect.objectContaining({ caseId: returnCase, settlementKind: 'return', amountFen: 5_000 }),
    ]);
  });
});
