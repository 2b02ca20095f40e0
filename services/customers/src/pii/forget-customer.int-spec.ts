import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Server } from 'node:http';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import type { SealedPersonalData } from '@crm/customers-domain';
import { EVENT_STORE, LogCapture } from '@crm/nest';
import { dumpSchema } from '@crm/testing';
import { loadStream, type EventStore } from '@crm/event-store';
import {
  mobileReservationDecider,
  mobileReservationStreamId,
  parseMobileNumber,
} from '@crm/customers-domain';
import { startCustomersTestApp, type CustomersTestApp } from '../testing/customers-test-app';
import { FactPublisher } from '../testing/kafka-facts';
import { customerHistory, ofType } from '../testing/customer-stream';
import { PiiVault } from './pii-vault';

jest.setTimeout(120_000);

/**
 * ForgetCustomer (PIPL art. 47, crypto-shredding): afterwards the raw event table, every table of
 * the service (projections included) and the Kafka topic hold no trace of the name, mobile or
 * address, and the sealed copies they do hold can no longer be opened; the history stays.
 */
describe('ForgetCustomer (real PostgreSQL + Kafka)', () => {
  let t: CustomersTestApp;
  let server: Server;
  let facts: FactPublisher;
  const logs = new LogCapture();
  const name = `忘记我${Date.now() % 100_000}`;
  const mobile = `136${String(Date.now() % 1e8).padStart(8, '0')}`;
  const address = '上海市徐汇区被遗忘路1号';
  const idempotencyKey = `register-${randomUUID()}`;
  const plainTraces = [
    name,
    mobile,
    `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`,
    address,
  ];

  beforeAll(async () => {
    t = await startCustomersTestApp({ logs });
    server = t.app.getHttpServer() as Server;
    facts = new FactPublisher(t.brokers);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('leaves no readable personal data anywhere, while the decision history stays', async () => {
    const owner = await t.token({ sub: 'e-001', bu: 'bu-1', roles: ['staff'] });
    const admin = await t.token({ sub: 'admin-1', roles: ['admin'], bu: undefined });
    const created = await request(server)
      .post('/customers')
      .set('Authorization', `Bearer ${owner}`)
      .set('Idempotency-Key', idempotencyKey) // the idempotency table is searched below too
      .send({ name, mobile: `+86 ${mobile}`, address, source: 'walk_in' })
      .expect(201);
    const customerId = created.body.customerId as string;
    await request(server)
      .post(`/customers/${customerId}/services`)
      .set('Authorization', `Bearer ${owner}`)
      .send({ kind: 'home_visit', reference: 'visit-1' })
      .expect(200);
    // Searching by mobile and by name: found, with the criteria in the body, never in a URL.
    const found = await request(server)
      .post('/customer-search')
      .set('Authorization', `Bearer ${owner}`)
      .send({ mobile })
      .expect(200);
    expect(found.body.map((c: { customerId: string }) => c.customerId)).toEqual([customerId]);
    await t.caughtUp();
    await request(server)
      .post('/customer-search')
      .set('Authorization', `Bearer ${owner}`)
      .send({ name })
      .expect(200);
    // A refused request logs too (warn): its body must not reach the log either.
    await request(server)
      .post('/customers')
      .set('Authorization', `Bearer ${owner}`)
      .send({ name, mobile, address, source: 'walk_in' })
      .expect(409);
    // Before: the owner reads it in full (the key works, so the test below is not vacuous).
    const before = await request(server)
      .get(`/customers/${customerId}`)
      .set('Authorization', `Bearer ${owner}`);
    expect(before.body.personalData).toEqual({ visibility: 'full', name, mobile, address });

    await request(server)
      .post(`/customers/${customerId}/forget`)
      .set('Authorization', `Bearer ${owner}`)
      .expect(403);
    const forgotten = await request(server)
      .post(`/customers/${customerId}/forget`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(forgotten.body).toEqual({ customerId, recorded: ['CustomerForgotten'] });
    await t.caughtUp();

    // The API: forgotten for everyone.
    const after = await request(server)
      .get(`/customers/${customerId}`)
      .set('Authorization', `Bearer ${owner}`);
    expect(after.body.personalData).toEqual({ visibility: 'forgotten' });
    const list = await request(server).get('/customers?ownerBu=bu-1').set('Authorization', `Bearer ${owner}`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ customerId, personalData: { visibility: 'forgotten' } }),
    ]);

    // The raw event table, every other table of the service, and the read models.
    const stored = await dumpSchema(t.pool, t.config.SCHEMA);
    const read = await dumpSchema(t.pool, t.config.readSchema());
    expect(stored).toContain(customerId);
    expect(stored).toContain(idempotencyKey); // the idempotency row is part of what was searched
    expect(read).toContain(customerId);
    for (const trace of plainTraces) {
      expect(stored).not.toContain(trace);
      expect(read).not.toContain(trace);
    }

    // The Kafka topic: the registration and the forgetting were published, with no plain text.
    const messages = await facts.readAll(t.config.CUSTOMERS_TOPIC, 2);
    expect(t.config.CUSTOMERS_TOPIC.startsWith(CUSTOMERS_TOPIC)).toBe(true);
    const onKafka = messages.join('\n');
    expect(onKafka).toContain('"CustomerRegistered"');
    expect(onKafka).toContain('"CustomerForgotten"');
    for (const trace of plainTraces) expect(onKafka).not.toContain(trace);

    // Every sealed copy (event store, projection, Kafka) is now unreadable: the key is gone.
    const vault = t.app.get(PiiVault);
    const registered = ofType(await customerHistory(t.app, customerId), 'CustomerRegistered')[0];
    const sealedInStore = registered?.data['personalData'] as SealedPersonalData;
    const kafkaCopy = messages.find((m) => m.includes('"CustomerRegistered"')) ?? '';
    const sealedOnKafka = (
      JSON.parse(kafkaCopy.slice(kafkaCopy.indexOf(' ') + 1)) as {
        data: { personalData: SealedPersonalData };
      }
    ).data.personalData;
    expect(sealedOnKafka).toEqual(sealedInStore);
    expect(await vault.open(customerId, sealedInStore)).toEqual({ status: 'forgotten' });
    const keys = await t.pool.query(
      `select count(*)::int as n from "${t.config.SCHEMA}".pii_keys where customer_id = $1`,
      [customerId],
    );
    expect(keys.rows[0]).toEqual({ n: 0 });

    // The number no longer points at the forgotten record: its reservation is free, a search finds
    // nothing, and the person can be registered anew (a new record; the old one stays forgotten).
    const reservation = await loadStream(
      t.app.get<EventStore>(EVENT_STORE),
      mobileReservationStreamId(vault.mobileKey(parseMobileNumber(mobile))),
      mobileReservationDecider.evolve,
      mobileReservationDecider.initialState(),
    );
    expect(reservation.state).toEqual({ status: 'free' });
    const searched = await request(server)
      .post('/customer-search')
      .set('Authorization', `Bearer ${owner}`)
      .send({ mobile })
      .expect(200);
    expect(searched.body).toEqual([]);
    const again = await request(server)
      .post('/customers')
      .set('Authorization', `Bearer ${owner}`)
      .send({ name, mobile, source: 'walk_in' })
      .expect(201);
    expect(again.body.customerId).not.toBe(customerId);
    const twice = await request(server)
      .post('/customers')
      .set('Authorization', `Bearer ${owner}`)
      .send({ name: '别人', mobile, source: 'walk_in' })
      .expect(409);
    expect(twice.body.details).toMatchObject({ existingCustomerId: again.body.customerId });

    // The service's logs (requests at info, refusals at warn) hold no name, mobile or address.
    const logged = logs.text();
    expect(logged).toContain('/customer-search');
    expect(logged).toContain(customerId);
    for (const trace of plainTraces) expect(logged).not.toContain(trace);

    // The decision history stays: who registered, served and forgot, and when.
    const history = await customerHistory(t.app, customerId);
    expect(history.map((e) => e.type)).toEqual([
      'CustomerRegistered',
      'CustomerServiceRecorded',
      'CustomerForgotten',
    ]);
    expect(history[2]?.metadata.actor).toMatchObject({ id: 'admin-1', role: 'admin' });

    // Forgetting again changes nothing.
    const repeated = await request(server)
      .post(`/customers/${customerId}/forget`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(repeated.body).toEqual({ customerId, recorded: [] });
  });

  it('answers 404 for an unknown customer', async () => {
    const admin = await t.token({ sub: 'admin-1', roles: ['admin'], bu: undefined });
    const res = await request(server)
      .post('/customers/00000000-0000-4000-8000-000000000000/forget')
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'customer.not_found' });
  });
});
