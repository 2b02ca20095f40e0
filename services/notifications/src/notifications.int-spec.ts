import request from 'supertest';
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  COMPLAINT_OVERDUE_REMINDER_ISSUED,
  type ComplaintOverdueReminderIssuedV1,
} from '@crm/complaints-contracts';
import { CREDIT_ACCOUNT_BLOCKED } from '@crm/credit-contracts';
import {
  consumedPast,
  contractEnvelope,
  eventually,
  sendContractEvent,
  type SentContractEvent,
} from '@crm/testing';
import { noticesConsumerName } from './inbound/start-notices-consumer';
import { deliveriesOf } from './testing/deliveries';
import { startNotificationsTestApp, type NotificationsTestApp } from './testing/notifications-test-app';

jest.setTimeout(120_000);

describe('notifications that reach people (centre, e-mail, WeCom and DingTalk robots)', () => {
  let t: NotificationsTestApp;
  const tokens: Record<string, string> = {};
  const server = (): Server => t.app.getHttpServer() as Server;
  const call = (method: 'get' | 'post' | 'put', path: string, who: string) =>
    request(server())
      [method](path)
      .set('Authorization', `Bearer ${tokens[who] ?? ''}`);
  const handled = (sent: SentContractEvent) =>
    consumedPast(t.kafka, noticesConsumerName(t.config), t.config.COMPLAINTS_TOPIC, sent);

  const reminder = (caseId: string): ComplaintOverdueReminderIssuedV1 => ({
    caseId,
    dueAt: '2026-12-05T10:00:00.000Z',
    sequence: 1,
    notify: [
      { post: 'handler', employeeId: 'e-101' },
      { post: 'bu_manager', bu: 'bu-1' },
    ],
    rule: 'CMP-OVD-03',
    issuedAt: '2026-12-05T10:00:01.000Z',
  });

  beforeAll(async () => {
    t = await startNotificationsTestApp();
    await t.seed([
      { employeeId: 'e-101', bu: 'bu-1', posts: ['staff', 'handler'], email: 'handler@example.cn' },
      { employeeId: 'e-201', bu: 'bu-1', posts: ['bu_manager'], email: 'manager@example.cn' },
      { employeeId: 'e-202', bu: 'bu-2', posts: ['bu_manager'], email: 'other-manager@example.cn' },
      { employeeId: 'e-301', bu: 'bu-2', posts: ['credit_controller'], email: 'credit@example.cn' },
    ]);
    tokens['handler'] = await t.token({ sub: 'e-101', bu: 'bu-1', roles: ['staff'] });
    tokens['manager'] = await t.token({ sub: 'e-201', bu: 'bu-1', roles: ['bu_manager'] });
    tokens['credit'] = await t.token({ sub: 'e-301', bu: 'bu-2', roles: ['credit_controller'] });
    tokens['admin'] = await t.token({ sub: 'ad-1', roles: ['admin'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('an overdue reminder reaches the handler and the BU manager once per channel, however often it is delivered', async () => {
    await call('put', '/notification-preferences/me', 'handler')
      .send({
        emailEnabled: true,
        wecomEnabled: true,
        wecomWebhook: `${t.robots.url}/wecom/e-101`,
        dingtalkEnabled: true,
        dingtalkWebhook: `${t.robots.url}/dingtalk/e-101`,
        version: 0,
      })
      .expect(200);

    const caseId = `case-${randomUUID()}`;
    const first = await sendContractEvent(
      t.producer,
      t.config.COMPLAINTS_TOPIC,
      contractEnvelope(
        { type: COMPLAINT_OVERDUE_REMINDER_ISSUED, data: reminder(caseId) },
        { aggregateId: caseId },
      ),
    );
    // The relay publishes again after a crash; the broker redelivers after a rebalance.
    await sendContractEvent(t.producer, t.config.COMPLAINTS_TOPIC, first.envelope);
    const last = await sendContractEvent(t.producer, t.config.COMPLAINTS_TOPIC, first.envelope);
    await handled(last);

    await eventually(async () => {
      const rows = [
        ...(await deliveriesOf(t.pool, t.config, 'e-101')),
        ...(await deliveriesOf(t.pool, t.config, 'e-201')),
      ];
      return rows.length === 4 && rows.every((r) => r.status === 'sent') ? true : undefined;
    }, 'every delivery sent');
    // A few more timer passes: nothing is sent a second time.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(t.mail.mails.map((m) => m.to).sort()).toEqual([['handler@example.cn'], ['manager@example.cn']]);
    expect(t.robots.received.map((r) => r.path).sort()).toEqual(['/dingtalk/e-101', '/wecom/e-101']);
    const wecom = t.robots.received.find((r) => r.path === '/wecom/e-101')?.body as {
      msgtype: string;
      markdown: { content: string };
    };
    expect(wecom.msgtype).toBe('markdown');
    expect(wecom.markdown.content).toContain('催办：案件已逾期');
    expect(wecom.markdown.content).toContain(`https://crm.example.cn/complaints/cases/${caseId}`);
    // The other BU's manager is not concerned.
    expect(await deliveriesOf(t.pool, t.config, 'e-202')).toEqual([]);

    const mine = await call('get', '/notifications', 'handler').expect(200);
    expect(mine.body).toMatchObject({ total: 1, unreadCount: 1 });
    const [item] = mine.body.items as { notificationId: string; kind: string; link: string; readAt: null }[];
    expect(item).toMatchObject({
      kind: 'overdue_reminder',
      link: `/complaints/cases/${caseId}`,
      params: { caseId, sequence: 1 },
      readAt: null,
    });
    expect(t.mail.mails.find((m) => m.to.includes('handler@example.cn'))?.raw).toContain(
      item?.notificationId,
    );
    expect((await call('get', '/notifications', 'manager').expect(200)).body.unreadCount).toBe(1);

    // Read: only by its recipient.
    await call('post', `/notifications/${item?.notificationId}/read`, 'manager').expect(404);
    const read = await call('post', `/notifications/${item?.notificationId}/read`, 'handler').expect(200);
    expect(read.body).toEqual({ marked: 1, unreadCount: 0 });
    const after = await call('get', '/notifications?unreadOnly=true', 'handler').expect(200);
    expect(after.body).toMatchObject({ items: [], total: 0, unreadCount: 0 });
    expect((await call('get', '/notifications/unread-count', 'manager').expect(200)).body).toEqual({
      unreadCount: 1,
    });
    expect((await call('post', '/notifications/read-all', 'manager').expect(200)).body).toEqual({
      marked: 1,
      unreadCount: 0,
    });
  });

  it('a failing channel is retried with backoff, blocks nothing else, and is shown to an administrator once it gives up', async () => {
    t.robots.refusing.add('/wecom/down');
    await call('put', '/notification-preferences/me', 'credit')
      .send({
        emailEnabled: true,
        wecomEnabled: true,
        wecomWebhook: `${t.robots.url}/wecom/down`,
        dingtalkEnabled: false,
        version: 0,
      })
      .expect(200);
    const accountId = `acc-${randomUUID()}`;
    await sendContractEvent(
      t.producer,
      t.config.CREDIT_TOPIC,
      contractEnvelope(
        {
          type: CREDIT_ACCOUNT_BLOCKED,
          data: { accountId, reason: 'overdue_invoice', blockedAt: '2026-12-05T02:00:00.000Z' },
        },
        { aggregateId: accountId },
      ),
    );
    await eventually(
      async () => (t.mail.mails.some((m) => m.to.includes('credit@example.cn')) ? true : undefined),
      'the e-mail, while the robot fails',
    );
    const failed = await eventually(async () => {
      const wecom = (await deliveriesOf(t.pool, t.config, 'e-301')).find((d) => d.channel === 'wecom');
      return wecom?.status === 'failed' ? wecom : undefined;
    }, 'the robot delivery given up');
    expect(failed).toMatchObject({ attempts: 3 });
    expect(failed.last_error).toContain('45009');

    await call('get', '/admin/notification-deliveries', 'credit').expect(403);
    const troubled = await call('get', '/admin/notification-deliveries?status=failed', 'admin').expect(200);
    const row = (
      troubled.body.items as { recipientId: string; channel: string; notificationId: string }[]
    ).find((d) => d.recipientId === 'e-301');
    expect(row).toMatchObject({ channel: 'wecom', kind: 'account_blocked', status: 'failed', attempts: 3 });

    // The robot works again: the administrator sends it once more, and it arrives once.
    t.robots.refusing.delete('/wecom/down');
    const retried = await call(
      'post',
      `/admin/notification-deliveries/${row?.notificationId}/wecom/retry`,
      'admin',
    ).expect(200);
    expect(retried.body).toMatchObject({ status: 'pending', retries: 1 });
    await eventually(async () => {
      const wecom = (await deliveriesOf(t.pool, t.config, 'e-301')).find((d) => d.channel === 'wecom');
      return wecom?.status === 'sent' ? true : undefined;
    }, 'the retried delivery sent');
    expect(t.robots.received.filter((r) => r.path === '/wecom/down')).toHaveLength(1);
    await call('post', `/admin/notification-deliveries/${row?.notificationId}/wecom/retry`, 'admin')
      .expect(409)
      .expect('Content-Type', /problem\+json/);
  });

  it('preferences refuse a robot elsewhere than its service, a missing address, and a stale version', async () => {
    const current = await call('get', '/notification-preferences/me', 'manager').expect(200);
    expect(current.body).toMatchObject({
      emailEnabled: true,
      wecomEnabled: false,
      dingtalkEnabled: false,
      directoryEmail: 'manager@example.cn',
      version: 0,
    });
    const base = { emailEnabled: true, wecomEnabled: false, dingtalkEnabled: false, version: 0 };
    const evil = await call('put', '/notification-preferences/me', 'manager')
      .send({ ...base, dingtalkEnabled: true, dingtalkWebhook: 'https://attacker.example.com/hook' })
      .expect(400);
    expect(evil.body).toMatchObject({ code: 'preferences.webhook_not_allowed', field: 'dingtalkWebhook' });
    const missing = await call('put', '/notification-preferences/me', 'manager')
      .send({ ...base, wecomEnabled: true })
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'preferences.webhook_missing', field: 'wecomWebhook' });
    await call('put', '/notification-preferences/me', 'manager')
      .send({ ...base, email: 'not-an-address' })
      .expect(400);
    await call('put', '/notification-preferences/me', 'manager')
      .send({ ...base, emailEnabled: false })
      .expect(200);
    const stale = await call('put', '/notification-preferences/me', 'manager').send(base).expect(409);
    expect(stale.body).toMatchObject({ code: 'preferences.version_conflict', currentVersion: 1 });
    expect((await call('get', '/notification-preferences/me', 'manager').expect(200)).body).toMatchObject({
      emailEnabled: false,
      version: 1,
    });
  });
});
