import { DEFAULT_PREFERENCES, deliveryPlan } from './delivery-preferences';
import { notificationId } from './notification-request';
import { notificationText, shanghaiTime } from './notification-text';

describe('deliveryPlan', () => {
  it('sends e-mail to the directory address by default, and no group robot', () => {
    expect(deliveryPlan(DEFAULT_PREFERENCES, 'li@example.cn')).toEqual([
      { channel: 'email', target: 'li@example.cn' },
    ]);
    expect(deliveryPlan(DEFAULT_PREFERENCES, undefined)).toEqual([]);
  });

  it('honours every switch and prefers the chosen address over the directory', () => {
    const plan = deliveryPlan(
      {
        emailEnabled: true,
        email: 'me@example.cn',
        wecomEnabled: true,
        wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
        dingtalkEnabled: false,
        dingtalkWebhook: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      },
      'li@example.cn',
    );
    expect(plan).toEqual([
      { channel: 'email', target: 'me@example.cn' },
      { channel: 'wecom', target: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' },
    ]);
    expect(deliveryPlan({ ...DEFAULT_PREFERENCES, emailEnabled: false }, 'li@example.cn')).toEqual([]);
    // Switched on without an address: nothing to deliver to.
    expect(deliveryPlan({ ...DEFAULT_PREFERENCES, dingtalkEnabled: true }, undefined)).toEqual([]);
  });
});

describe('notifications', () => {
  it('have one identity per event, kind and person', () => {
    const id = notificationId('ev-1', 'overdue_reminder', 'e-1');
    expect(notificationId('ev-1', 'overdue_reminder', 'e-1')).toBe(id);
    expect(notificationId('ev-1', 'overdue_reminder', 'e-2')).not.toBe(id);
    expect(notificationId('ev-2', 'overdue_reminder', 'e-1')).not.toBe(id);
  });

  it('read deadlines in Beijing time, in Chinese first', () => {
    expect(shanghaiTime('2026-12-05T10:00:00.000Z')).toBe('2026-12-05 18:00');
    const text = notificationText('overdue_reminder', { dueAt: '2026-12-05T10:00:00.000Z', sequence: 2 });
    expect(text.zh.title).toBe('催办：案件已逾期（第 2 次）');
    expect(text.zh.body).toContain('2026-12-05 18:00');
    expect(text.en.title).toBe('Reminder: case overdue (#2)');
    expect(notificationText('approval_waiting', { orderId: 'o-1', amountFen: 123456 }).zh.body).toContain(
      '1234.56 元',
    );
  });
});
