import request from 'supertest';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  CREDIT_ACCOUNT_BLOCKED,
  CREDIT_ACCOUNT_UNBLOCKED,
  type CreditAccountBlockedV1,
  type CreditAccountUnblockedV1,
} from '@crm/credit-contracts';
import {
  aCustomerRegistered,
  customerEventEnvelope,
  publishCustomerEvent,
} from '@crm/customers-directory-replica';
import { INVITATION_CONFIRMED, parseInvitationConfirmedV1 } from '@crm/invitations-contracts';
import { CREDIT_BLOCKED_WARNING } from '@crm/invitations-domain';
import { consumedPast, eventually } from '@crm/testing';
import { CREDIT_BLOCKS_PROBE, creditConsumerName } from './credit/start-credit-consumer';
import { sendCreditEvent, type SentCreditEvent } from './testing/credit-events';
import { startInvitationsTestApp, type InvitationsTestApp } from './testing/invitations-test-app';

jest.setTimeout(120_000);

const local = (time: string): string => new Date(`${time.replace(' ', 'T')}+08:00`).toISOString();

describe('credit → invitations: a warning before inviting a blocked customer (domain §6)', () => {
  let t: InvitationsTestApp;
  let server: Server;
  let jointEventId: string;
  const tokens: Record<string, string> = {};

  const call = (method: 'get' | 'post', path: string, who: string) =>
    request(server)
      [method](path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`);

  const registered = async (): Promise<string> => {
    const customer = aCustomerRegistered({ ownerBu: 'bu-1' });
    await publishCustomerEvent(t.producer, t.config.CUSTOMERS_TOPIC, customerEventEnvelope(customer));
    await eventually(async () => {
      const { rows } = await t.pool.query(
        `select 1 from "${t.config.readSchema()}".customer_eligibility where customer_id = $1`,
        [customer.customerId],
      );
      return rows.length > 0 ? true : undefined;
    }, `eligibility of ${customer.customerId}`);
    return customer.customerId;
  };

  const blocked = (accountId: string, customerId: string): CreditAccountBlockedV1 => ({
    accountId,
    customerId,
    reason: 'overdue_invoice',
    blockedAt: local('2026-12-01 09:00:00'),
  });
  const unblocked = (accountId: string, customerId: string): CreditAccountUnblockedV1 => ({
    accountId,
    customerId,
    unblockedAt: local('2026-12-04 09:00:00'),
  });

  const send = (
    type: typeof CREDIT_ACCOUNT_BLOCKED | typeof CREDIT_ACCOUNT_UNBLOCKED,
    data: CreditAccountBlockedV1 | CreditAccountUnblockedV1,
    version: number,
    eventId?: string,
  ): Promise<SentCreditEvent> =>
    sendCreditEvent(
      t.producer,
      t.config.CREDIT_TOPIC,
      { type, data },
      { version, ...(eventId !== undefined ? { eventId } : {}) },
    );

  const row = async (accountId: string) =>
    (
      await t.pool.query(
        `select customer_id, blocked, last_event_id, last_event_version
           from "${t.config.readSchema()}".customer_credit_blocks where account_id = $1`,
        [accountId],
      )
    ).rows[0] as { blocked: boolean; last_event_id: string; last_event_version: number } | undefined;

  /** Resolves once the consumer committed past `sent`: everything up to it is handled. */
  const handled = async (sent: SentCreditEvent): Promise<void> =>
    consumedPast(t.kafka, creditConsumerName(t.config), t.config.CREDIT_TOPIC, sent);

  const confirm = (customerId: string) =>
    call('post', `/joint-events/${jointEventId}/invitations`, 'staff1').send({ customerId }).expect(201);

  beforeAll(async () => {
    t = await startInvitationsTestApp(local('2026-12-05 11:00:00'));
    server = t.app.getHttpServer() as Server;
    tokens['staff1'] = await t.token({ sub: 'e-101', bu: 'bu-1', roles: ['staff'] });
    tokens['coordinator'] = await t.token({ sub: 'co-1', roles: ['coordinator'] });
    tokens['auditor'] = await t.token({ sub: 'au-1', roles: ['auditor'] });
    const res = await call('post', '/joint-events', 'coordinator')
      .send({
        date: '2026-12-10',
        slot: 'evening',
        venue: 'Hall A',
        businessUnits: ['bu-1', 'bu-2'],
        coordinatorId: 'co-1',
      })
      .expect(201);
    jointEventId = res.body.jointEventId as string;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a customer whose credit account is blocked is confirmed with a warning, also in the explanation', async () => {
    const customerId = await registered();
    const accountId = `acc-${randomUUID()}`;
    await send(CREDIT_ACCOUNT_BLOCKED, blocked(accountId, customerId), 3);
    await eventually(async () => ((await row(accountId))?.blocked ? true : undefined), 'the blocked flag');

    const res = await confirm(customerId);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({
        code: CREDIT_BLOCKED_WARNING,
        bu: 'bu-1',
        blockedAccounts: [{ accountId, reason: 'overdue_invoice', blockedAt: local('2026-12-01 09:00:00') }],
      }),
    ]);
    expect(res.body.invitation).toMatchObject({ status: 'invited' });
    const explanation = await call(
      'get',
      `/joint-events/${jointEventId}/customers/${customerId}/explanation`,
      'auditor',
    ).expect(200);
    expect(explanation.body.warnings).toEqual(res.body.warnings);
    // The warning is internal: the public InvitationConfirmed keeps its frozen shape.
    const published = await eventually(
      async () =>
        t.published.find((e) => e.type === INVITATION_CONFIRMED && e.data['customerId'] === customerId),
      'InvitationConfirmed on the invitations topic',
    );
    expect(published.data).not.toHaveProperty('creditBlocks');
    expect(parseInvitationConfirmedV1(published.data)).toMatchObject({ customerId, bu: 'bu-1' });
  });

  it('an unblocked account gives no warning; duplicate deliveries change nothing', async () => {
    const customerId = await registered();
    const accountId = `acc-${randomUUID()}`;
    const block = await send(CREDIT_ACCOUNT_BLOCKED, blocked(accountId, customerId), 1);
    await send(CREDIT_ACCOUNT_BLOCKED, blocked(accountId, customerId), 1, block.envelope.eventId);
    const unblock = await send(CREDIT_ACCOUNT_UNBLOCKED, unblocked(accountId, customerId), 2);
    await handled(unblock);
    const before = await row(accountId);
    expect(before).toMatchObject({
      blocked: false,
      last_event_id: unblock.envelope.eventId,
      last_event_version: 2,
    });

    // The unblocking event again, with other content and a higher version: the inbox drops it.
    const again = await send(
      CREDIT_ACCOUNT_BLOCKED,
      blocked(accountId, customerId),
      9,
      unblock.envelope.eventId,
    );
    // The first blocking event once more (an older version).
    const old = await send(CREDIT_ACCOUNT_BLOCKED, blocked(accountId, customerId), 1, block.envelope.eventId);
    await handled(again);
    await handled(old);
    expect(await row(accountId)).toEqual(before);
    const inbox = await t.pool.query(
      `select event_id, count(*)::int as n from "${t.config.SCHEMA}".inbox
        where consumer = $1 and event_id = any($2) group by event_id`,
      [creditConsumerName(t.config), [block.envelope.eventId, unblock.envelope.eventId]],
    );
    expect(inbox.rows.map((r: { n: number }) => r.n)).toEqual([1, 1]);

    const res = await confirm(customerId);
    expect(res.body.warnings).toEqual([]);
    const health = await request(server).get('/health').expect(200);
    expect(JSON.stringify(health.body)).toContain(CREDIT_BLOCKS_PROBE);
  });
});
