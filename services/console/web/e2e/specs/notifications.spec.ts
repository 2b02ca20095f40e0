import { expect, test } from '@playwright/test';
import { ConsoleApi } from '../fixtures/console-api';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { expectAccessible, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

// Moves the complaints service's clock (test-only control, NODE_ENV=test) past a case's deadline and
// puts it back afterwards. E-mail goes to the mail catcher infra/console-e2e.sh starts.
const mailCatcher = (): string => process.env['MAIL_CATCHER_URL'] ?? 'http://127.0.0.1:3025';

let admin: ConsoleApi;

test.beforeAll(async () => {
  admin = await ConsoleApi.signIn(PEOPLE.admin.employeeId, ['admin']);
});

test.afterAll(async () => {
  await admin.delete('/api/complaints/test/clock');
  await admin.dispose();
});

test('the handler of an overdue case gets a reminder (催办) in the notification centre and by e-mail', async ({
  page,
}) => {
  const handler = PEOPLE.staff3;
  const address = `zhao.qiang.${Date.now()}@example.cn`;

  // The handler chooses where e-mail goes (the directory has no work address for them).
  await signIn(page, handler);
  await page.goto('/notifications/preferences');
  await page.getByLabel('收件地址').fill(address);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('通知设置已保存')).toBeVisible();
  await expectNoUntranslatedText(page);

  // An inquiry (reply within 24 hours) registered and assigned to them.
  const manager = await ConsoleApi.signIn(PEOPLE.manager1.employeeId, ['bu_manager']);
  const registered = await manager.post<{ caseId: string; number: string }>('/api/complaints/cases', {
    kind: 'inquiry',
    channel: 'hotline',
    customerId: `e2e-customer-${Date.now()}`,
    subject: '送货延误',
    description: '客户来电询问送货时间',
    concernedEmployeeId: PEOPLE.staff4.employeeId,
    concernedBu: 'bu-1',
  });
  await manager.post(`/api/complaints/cases/${registered.caseId}/assign`, {
    handlerId: handler.employeeId,
    responsibleBu: 'bu-1',
  });
  await manager.dispose();

  // A day and an hour later on the complaints service's clock the deadline has passed.
  await admin.post(
    '/api/complaints/test/clock',
    { now: new Date(Date.now() + 25 * 3600_000).toISOString() },
    [200],
  );

  // The bell counts it (it refreshes by itself; a deadline warning may have come first); the centre
  // shows the reminder.
  const bell = page.getByTestId('notification-bell');
  await expect(bell).not.toHaveAccessibleName('通知（0 条未读）', { timeout: 60_000 });
  await bell.click();
  const reminder = page.getByTestId('notification-item').filter({ hasText: '催办：案件已逾期（第 1 次）' });
  await expect(reminder).toBeVisible({ timeout: 30_000 });
  await expectNoUntranslatedText(page);
  await expectAccessible(page);
  await screenshot(page, 'notification-centre');

  // The same reminder by e-mail, once (its Message-ID carries the notification's id).
  type Item = { notificationId: string; kind: string; readAt: string | null };
  const mine = await ConsoleApi.signIn(handler.employeeId, ['staff']);
  const centre = await mine.eventually<{ items: Item[] }>('/api/notifications/notifications', (body) =>
    body.items.some((n) => n.kind === 'overdue_reminder'),
  );
  const reminderId = centre.items.find((n) => n.kind === 'overdue_reminder')?.notificationId ?? '';
  await expect
    .poll(
      async () => {
        const response = await fetch(`${mailCatcher()}/messages?to=${encodeURIComponent(address)}`);
        return ((await response.json()) as { raw: string }[]).filter((m) => m.raw.includes(reminderId))
          .length;
      },
      { timeout: 60_000 },
    )
    .toBe(1);

  // Opening it marks it read and goes to the case.
  await reminder.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`/complaints/cases/${registered.caseId}$`));
  await mine.eventually<{ items: Item[] }>('/api/notifications/notifications', (body) =>
    body.items.some((n) => n.notificationId === reminderId && n.readAt !== null),
  );
  await mine.dispose();
});
