import request from 'supertest';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { COMPLAINT_MAJOR_CASE_NOTIFIED } from '@crm/complaints-contracts';
import { consumedPast, contractEnvelope, eventually, sendContractEvent } from '@crm/testing';
import { noticesConsumerName } from './inbound/start-notices-consumer';
import { deliveriesOf } from './testing/deliveries';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';

jest.setTimeout(120_000);

describe('exactly one delivery per notification and channel across a service restart', () => {
  let t: NotificationsTestApp;

  beforeAll(async () => {
    t = await startNotificationsTestApp({ DELIVERY_MAX_ATTEMPTS: '8' });
    await t.seed([
      { employeeId: 'e-201', bu: 'bu-1', posts: ['bu_manager'], email: 'manager@example.cn' },
      { employeeId: 'e-900', bu: 'hq', posts: ['gm'], email: 'gm@example.cn' },
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a major case reaches the BU manager and the GM once each, though the mail server was down over a restart and the event came again', async () => {
    t.mail.refusing = true;
    const caseId = `case-${randomUUID()}`;
    const sent = await sendContractEvent(
      t.producer,
      t.config.COMPLAINTS_TOPIC,
      contractEnvelope(
        {
          type: COMPLAINT_MAJOR_CASE_NOTIFIED,
          data: {
            caseId,
            caseNumber: '2612-0007',
            notify: [{ post: 'bu_manager', bu: 'bu-1' }, { post: 'gm' }],
            notifiedAt: '2026-12-05T02:00:00.000Z',
          },
        },
        { aggregateId: caseId },
      ),
    );
    // Both notifications exist and their e-mails failed at least once before the restart.
    await eventually(async () => {
      const rows = [
        ...(await deliveriesOf(t.pool, t.config, 'e-201')),
        ...(await deliveriesOf(t.pool, t.config, 'e-900')),
      ];
      return rows.length === 2 && rows.every((r) => r.status === 'failing') ? true : undefined;
    }, 'both e-mails failing');
    expect(t.mail.mails).toHaveLength(0);

    await t.restart();
    t.mail.refusing = false;
    // The same event again, to the restarted consumer.
    const again = await sendContractEvent(t.producer, t.config.COMPLAINTS_TOPIC, sent.envelope);
    await consumedPast(t.kafka, noticesConsumerName(t.config), t.config.COMPLAINTS_TOPIC, again);

    await eventually(async () => {
      const rows = [
        ...(await deliveriesOf(t.pool, t.config, 'e-201')),
        ...(await deliveriesOf(t.pool, t.config, 'e-900')),
      ];
      return rows.length === 2 && rows.every((r) => r.status === 'sent') ? true : undefined;
    }, 'both e-mails sent after the restart');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(t.mail.mails.map((m) => m.to[0]).sort()).toEqual(['gm@example.cn', 'manager@example.cn']);

    const token = await t.token({ sub: 'e-900', bu: 'hq', roles: ['gm'] });
    const centre = await request(t.app.getHttpServer() as Server)
      .get('/notifications')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(centre.body).toMatchObject({
      total: 1,
      unreadCount: 1,
      items: [{ kind: 'major_case', params: { caseNumber: '2612-0007' } }],
    });
  });
});
