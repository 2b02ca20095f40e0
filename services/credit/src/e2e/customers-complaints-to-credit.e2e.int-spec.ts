import { eventually, startServiceProcess, type ServiceProcess } from '@crm/testing';
import { creditAccount, e2eEnvironment, settleComplaint, type E2eEnvironment } from './e2e-processes';

jest.setTimeout(180_000);

/**
 * End to end over real infrastructure, three services in their own processes started like
 * production (main.ts), connected only by Kafka: a customer registered in the customers process
 * reaches the complaints directory (the case concerns the customer's owner by default) and the
 * credit directory replica; the complaint's settlement opens the customer's credit account in the
 * credit process, which shows the customer's owner from its own replica (domain §6).
 */
describe('customers → complaints → credit, owner from the directory replicas (e2e, separate processes)', () => {
  let e2e: E2eEnvironment;
  let customers: ServiceProcess | undefined;
  let complaints: ServiceProcess | undefined;
  let credit: ServiceProcess | undefined;

  beforeAll(async () => {
    e2e = await e2eEnvironment({
      registrar: { sub: 'e-007', bu: 'bu-3', roles: ['staff'] },
      agent: { sub: 'agent-1', bu: 'bu-cs', roles: ['cs_agent'] },
      csm: { sub: 'csm-1', bu: 'bu-cs', roles: ['cs_manager'] },
      'handler-1': { sub: 'handler-1', bu: 'bu-3', roles: ['staff'] },
      auditor: { sub: 'aud-1', roles: ['auditor'] },
    });
    // Sequential: cold starts at once on a loaded 2-core machine only slow each other down.
    customers = await startServiceProcess(
      'customers',
      e2e.env('customers', { PII_HMAC_SECRET: 'e2e-hmac-secret-0123456789abcdefghij' }),
    );
    complaints = await startServiceProcess('complaints', e2e.env('complaints'));
    credit = await startServiceProcess('credit', e2e.env('credit'));
  });

  afterAll(async () => {
    await e2e?.close([customers, complaints, credit]);
  });

  it("a registered customer's complaint settlement lands on a credit account showing the customer's owner", async () => {
    const registered = await e2e.call(customers, 'POST', '/customers', 'registrar', {
      name: '端到端信用',
      mobile: '13700005555',
      source: 'walk_in',
    });
    if (registered.status !== 201)
      throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
    const customerId = registered.body['customerId'] as string;

    await eventually(async () => {
      const res = await e2e.call(complaints, 'GET', `/customer-directory/${customerId}`, 'agent');
      return res.status === 200 ? res.body : undefined;
    }, `customer ${customerId} in the complaints directory`);
    // No concerned employee named: the complaints service takes the owner from its directory.
    const caseId = await settleComplaint(e2e, complaints, customerId, {
      kind: 'allowance',
      amountFen: 12_000,
      bu: 'bu-3',
    });
    const theCase = await e2e.call(complaints, 'GET', `/cases/${caseId}`, 'agent');
    expect(theCase.body).toMatchObject({ concernedBu: 'bu-3', concernedEmployeeId: 'e-007' });

    const account = await eventually(async () => {
      const a = await creditAccount(e2e, credit, customerId);
      return a !== undefined && a['customer'] !== null && Number(a['creditNotes']) === 1 ? a : undefined;
    }, `the credit account of ${customerId} with its owner and the credit note`);
    expect(account).toMatchObject({
      customerId,
      customer: { ownerBu: 'bu-3', ownerEmployeeId: 'e-007' },
      creditNotes: 1,
      unappliedCreditFen: 12_000,
    });
  });
});
