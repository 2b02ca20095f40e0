import { randomUUID } from 'node:crypto';
import { CUSTOMER_FORGOTTEN } from '@crm/customers-contracts';
import {
  aCustomerRegistered,
  customerEventEnvelope,
  publishCustomerEvent,
} from '@crm/customers-directory-replica';
import { LogCapture } from '@crm/nest';
import { dumpSchema, eventually, readTopic } from '@crm/testing';
import { startCreditConsumers } from '../consumer/start-credit-consumers';
import { startCreditTestApp, type CreditTestApp } from '../testing/credit-test-app';
import { creditApi, creditWorthyAccount, setPortfolioCap, type CreditApi } from '../testing/credit-flow';

jest.setTimeout(180_000);

/**
 * PIPL art. 47: the credit service holds a reference to a customer (the customer id), never a copy
 * of the name, so forgetting the customer in the customers service leaves nothing to erase here.
 */
describe('a forgotten customer in the credit service (real PostgreSQL + Kafka)', () => {
  let t: CreditTestApp;
  let api: CreditApi;
  const logs = new LogCapture();
  const name = `信用客户${Date.now() % 100_000}`;

  beforeAll(async () => {
    t = await startCreditTestApp({ logs });
    await startCreditConsumers(t.app);
    api = await creditApi(t);
    await setPortfolioCap(api, 1_000_000_000);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps no name of a customer, shows it forgotten, and leaves no trace in tables, Kafka or logs', async () => {
    const customer = aCustomerRegistered({ ownerBu: 'bu-credit-9' });
    const { customerId } = customer;
    await publishCustomerEvent(t.producer, t.config.CUSTOMERS_TOPIC, customerEventEnvelope({ ...customer }));

    // A customer's name is refused (and the refusal, stored for its Idempotency-Key, holds no name).
    const refused = await api
      .post('/credit-accounts', 'credit_controller', {
        accountId: customerId,
        counterpartyKind: 'customer',
        customerId,
        name,
      })
      .set('Idempotency-Key', `open-${randomUUID()}`)
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'credit.customer_name_not_kept' });
    await creditWorthyAccount(api, customerId, 50_000);

    const before = await eventually(async () => {
      const res = await api.get(`/credit-accounts/${customerId}`).expect(200);
      return res.body.customer !== null ? res.body : undefined;
    }, 'the account with its owner from the directory');
    expect(before).toMatchObject({
      name: null,
      customer: { ownerBu: 'bu-credit-9', forgotten: false },
      activeLimit: expect.objectContaining({ limitFen: 50_000 }),
    });

    await publishCustomerEvent(
      t.producer,
      t.config.CUSTOMERS_TOPIC,
      customerEventEnvelope(
        { customerId, forgottenAt: new Date().toISOString() },
        { type: CUSTOMER_FORGOTTEN, version: 1 },
      ),
    );
    const after = await eventually(async () => {
      const res = await api.get(`/credit-accounts/${customerId}`).expect(200);
      return res.body.customer?.forgotten === true ? res.body : undefined;
    }, 'the account shows the customer forgotten');
    expect(after.name).toBeNull();

    // A supplier (a company) keeps its name; it must name one.
    await api
      .post('/credit-accounts', 'credit_controller', { accountId: 'sup-1', counterpartyKind: 'supplier' })
      .expect(400);
    await api
      .post('/credit-accounts', 'credit_controller', {
        accountId: 'sup-1',
        counterpartyKind: 'supplier',
        name: '上海供应商有限公司',
      })
      .expect(201);
    expect((await api.get('/credit-accounts/sup-1').expect(200)).body.name).toBe('上海供应商有限公司');

    // Every table (events, idempotency answers, read models, work items), the topic and the logs.
    const stored = await dumpSchema(t.pool, t.config.SCHEMA);
    const read = await eventually(async () => {
      const text = await dumpSchema(t.pool, t.config.readSchema());
      return text.includes(customerId) && text.includes('sup-1') ? text : undefined;
    }, 'the read models caught up');
    expect(stored).toContain(customerId);
    expect(stored).not.toContain(name);
    expect(read).not.toContain(name);
    const onKafka = (await readTopic(t.config.kafkaBrokers(), t.config.CREDIT_TOPIC, 2)).join('\n');
    expect(onKafka).toContain(customerId);
    expect(onKafka).not.toContain(name);
    const logged = logs.text();
    expect(logged).toContain('/credit-accounts');
    expect(logged).not.toContain(name);
  });
});
