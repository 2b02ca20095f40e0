import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import {
  COMPLAINT_SETTLEMENT_APPROVED,
  parseComplaintSettlementApprovedV1,
  type ComplaintSettlementApprovedV1,
} from '@crm/complaints-contracts';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { mintToken } from '@crm/nest';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  eventually,
  requireKafka,
  requirePostgres,
  startServiceProcess,
  testDatabaseUrl,
  uniqueSuffix,
  type ServiceProcess,
} from '@crm/testing';

process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
jest.setTimeout(180_000);

const JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

type Reply = { status: number; body: Record<string, unknown> };
type CreditView = { creditNotes: number; unappliedCreditFen: number };

/**
 * End to end over real infrastructure, both services in their own processes started like
 * production (main.ts): a complaint worked over the complaints API up to the customer's acceptance
 * of an approved allowance publishes ComplaintSettlementApproved; the credit process, fed only by
 * Kafka, turns each settlement into exactly one credit note on the customer's account (domain §4.8,
 * §6), even when the message is delivered again.
 */
describe('complaints → Kafka → credit notes (e2e, separate processes)', () => {
  const suffix = uniqueSuffix();
  const customersTopic = `crm.customers.events.v1.e2e${suffix}`;
  const complaintsTopic = `crm.complaints.events.v1.e2e${suffix}`;
  const creditTopic = `crm.credit.events.v1.e2e${suffix}`;
  const complaintsSchema = `cmp_e2e_${suffix}`;
  const creditSchema = `crd_e2e_${suffix}`;
  let brokers: string[];
  let kafka: Kafka;
  let complaints: ServiceProcess | undefined;
  let credit: ServiceProcess | undefined;
  const tokens: Record<string, string> = {};

  const call = async (
    service: ServiceProcess | undefined,
    method: 'GET' | 'POST',
    path: string,
    who: string,
    body?: object,
  ): Promise<Reply> => {
    if (service === undefined) throw new Error('service not started');
    const res = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokens[who] ?? ''}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  /** A complaints call that must answer `expected`; otherwise fails with the process's output. */
  const work = async (path: string, who: string, expected: number, body: object = {}): Promise<Reply> => {
    const res = await call(complaints, 'POST', path, who, body);
    if (res.status !== expected)
      throw new Error(
        `${path}: ${res.status} ${JSON.stringify(res.body)}\n${complaints?.output().slice(-2000) ?? ''}`,
      );
    return res;
  };

  /** Register → classify → assign → investigate → propose → approve → reply → customer accepts. */
  const settledCase = async (
    customerId: string,
    item: { kind: 'allowance' | 'return'; amountFen: number },
  ): Promise<string> => {
    const registered = await work('/cases', 'agent', 201, {
      kind: 'complaint',
      channel: 'hotline',
      customerId,
      subject: 'scratched table',
      description: 'delivered with a deep scratch',
      concernedEmployeeId: 'emp-9',
      concernedBu: 'bu-1',
    });
    const id = registered.body['caseId'] as string;
    await work(`/cases/${id}/classify`, 'agent', 200, { cause: 'product_quality' });
    await work(`/cases/${id}/assign`, 'csm', 200, { handlerId: 'handler-1', responsibleBu: 'bu-1' });
    await work(`/cases/${id}/investigation`, 'handler', 200, { findings: 'courier damage' });
    await work(`/cases/${id}/resolution`, 'handler', 200, {
      items: [
        { itemId: 'apology', kind: 'apology', description: 'letter', amountFen: 0 },
        { itemId: 'settle', kind: item.kind, description: `price ${item.kind}`, amountFen: item.amountFen },
      ],
    });
    await work(`/cases/${id}/resolution/approval`, 'csm', 200);
    await work(`/cases/${id}/reply`, 'handler', 200, { itemIds: ['apology', 'settle'], message: 'sorry' });
    const accepted = await work(`/cases/${id}/acceptance`, 'agent', 200);
    expect(accepted.body['events']).toEqual(['CustomerAccepted', 'SettlementApproved']);
    return id;
  };

  /** The settlement message of a case as the complaints relay put it on the topic. */
  const settlementMessage = async (caseId: string): Promise<KafkaMessage> => {
    const consumer = kafka.consumer({ groupId: `e2e-reader-${randomUUID()}` });
    let found: KafkaMessage | undefined;
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [complaintsTopic], fromBeginning: true });
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
      return await eventually(async () => found, `the settlement of case ${caseId} on ${complaintsTopic}`);
    } finally {
      await consumer.disconnect();
    }
  };

  const creditAccount = async (accountId: string): Promise<CreditView | undefined> => {
    const res = await call(credit, 'GET', `/credit-accounts/${accountId}`, 'auditor');
    if (res.status === 404) return undefined;
    expect(res.status).toBe(200);
    return res.body as unknown as CreditView;
  };

  beforeAll(async () => {
    [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
    kafka = new Kafka({ clientId: `e2e-${suffix}`, brokers, logLevel: logLevel.NOTHING });
    // Topics exist before either process starts, so producer and consumer never race to create them.
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [customersTopic, complaintsTopic, creditTopic].map((topic) => ({ topic, numPartitions: 1 })),
      waitForLeaders: true,
    });
    await admin.disconnect();

    const claims = {
      agent: { sub: 'agent-1', bu: 'bu-cs', roles: ['cs_agent'] },
      csm: { sub: 'csm-1', bu: 'bu-cs', roles: ['cs_manager'] },
      handler: { sub: 'handler-1', bu: 'bu-1', roles: ['staff'] },
      auditor: { sub: 'aud-1', roles: ['auditor'] },
    };
    for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, JWT_SECRET);

    const common = {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      CUSTOMERS_TOPIC: customersTopic,
      COMPLAINTS_TOPIC: complaintsTopic,
    };
    // Sequential: two cold starts at once on a loaded 2-core machine only slow both down.
    complaints = await startServiceProcess('complaints', { ...common, SCHEMA: complaintsSchema });
    credit = await startServiceProcess('credit', {
      ...common,
      SCHEMA: creditSchema,
      CREDIT_TOPIC: creditTopic,
    });
  });

  afterAll(async () => {
    await Promise.all([complaints?.stop(), credit?.stop()]);
    await dropTestSchemas([
      complaintsSchema,
      `${complaintsSchema}_read`,
      creditSchema,
      `${creditSchema}_read`,
    ]);
    if (brokers)
      await deleteTestKafkaResources(
        {
          topics: [customersTopic, complaintsTopic, creditTopic],
          groups: [
            customerDirectoryConsumerName({ SCHEMA: complaintsSchema }),
            customerDirectoryConsumerName({ SCHEMA: creditSchema }),
          ],
        },
        brokers,
      );
  });

  it('an accepted allowance becomes exactly one credit note on the customer account, also when redelivered', async () => {
    const customerId = `cust-e2e-${randomUUID()}`;
    const allowanceCase = await settledCase(customerId, { kind: 'allowance', amountFen: 30_000 });

    const first = await eventually(async () => {
      const account = await creditAccount(customerId);
      return account !== undefined && account.creditNotes >= 1 ? account : undefined;
    }, `the credit note of case ${allowanceCase} in the credit process`);
    expect(first).toMatchObject({ creditNotes: 1, unappliedCreditFen: 30_000 });

    // Redeliver the very message the complaints relay published (same event id, same key).
    const original = await settlementMessage(allowanceCase);
    const settlement: ComplaintSettlementApprovedV1 = parseComplaintSettlementApprovedV1(
      (JSON.parse(original.value?.toString() ?? '{}') as { data: unknown }).data,
    );
    expect(settlement).toMatchObject({
      caseId: allowanceCase,
      customerId,
      kind: 'allowance',
      amountFen: 30_000,
      approvedBy: 'csm-1',
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: complaintsTopic,
      messages: [{ key: original.key, value: original.value, headers: original.headers ?? {} }],
    });
    await producer.disconnect();

    // A second case of the same customer (a return) is keyed alike, so it is consumed after the
    // redelivery: once its note shows, the duplicate has been handled — and changed nothing.
    const returnCase = await settledCase(customerId, { kind: 'return', amountFen: 5_000 });
    const after = await eventually(async () => {
      const account = await creditAccount(customerId);
      return account !== undefined && account.unappliedCreditFen >= 35_000 ? account : undefined;
    }, `the credit note of case ${returnCase} in the credit process`);
    expect(after).toMatchObject({ creditNotes: 2, unappliedCreditFen: 35_000 });

    const history = await call(credit, 'GET', `/audit/streams/credit-account-${customerId}`, 'auditor');
    expect(history.status).toBe(200);
    const events = (history.body['events'] ?? history.body) as {
      type: string;
      data: { settlementId?: string; caseId?: string; settlementKind?: string; amountFen?: number };
    }[];
    const notes = events.filter((e) => e.type === 'CreditNoteIssued');
    expect(notes.map((e) => e.data)).toEqual([
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
