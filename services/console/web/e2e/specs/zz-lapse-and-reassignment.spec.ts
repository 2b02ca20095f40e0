import { expect, test } from '@playwright/test';
import { ConsoleApi, uniqueMobile } from '../fixtures/console-api';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { expectAccessible, pageTitle, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

// Moves the customers service's clock (test-only control, NODE_ENV=test): runs last (file name) and
// puts the clock back afterwards.
let admin: ConsoleApi;

test.beforeAll(async () => {
  admin = await ConsoleApi.signIn(PEOPLE.admin.employeeId, ['admin']);
});

test.afterAll(async () => {
  await admin.delete('/api/customers/test/clock');
  await admin.dispose();
});

test('a customer unserved for three months lapses, and the resource director reassigns them to another BU', async ({
  page,
}) => {
  const owner = await ConsoleApi.signIn(PEOPLE.staff1.employeeId, ['staff']);
  const { customerId } = await owner.post<{ customerId: string }>('/api/customers/customers', {
    name: '孙先生',
    mobile: uniqueMobile(),
    source: 'walk_in',
  });
  await owner.dispose();

  // Three months and more without service (ARC-70): the lapse timer fires on the moved clock.
  const later = new Date(Date.now() + 100 * 24 * 3600_000).toISOString();
  await admin.post('/api/customers/test/clock', { now: later }, [200, 201]);
  await admin.eventually<{ customerId: string }[]>('/api/customers/customer-reports/lapsed', (rows) =>
    rows.some((r) => r.customerId === customerId),
  );

  await signIn(page, PEOPLE.director);
  await page.getByRole('link', { name: '失服客户' }).click();
  await expect(pageTitle(page, '待重新分配的失服客户')).toBeVisible();
  await page.getByLabel('按客户编号、事业部或员工筛选').fill(customerId);
  const row = page.locator('.ant-table-row', { hasText: customerId.slice(0, 8) });
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'lapsed-queue-zh');
  await row.getByRole('button', { name: '重新分配' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('转入事业部').fill('bu-2');
  await dialog.getByLabel('转入员工').fill(PEOPLE.staff2.employeeId);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();

  const moved = await admin.eventually<{ ownerBu: string; ownerEmployeeId: string }>(
    `/api/customers/customers/${customerId}`,
    (c) => c.ownerBu === 'bu-2',
  );
  expect(moved.ownerEmployeeId).toBe(PEOPLE.staff2.employeeId);
  const explanation = await admin.get<{ reason?: string; rule?: string }[]>(
    `/api/customers/customers/${customerId}/ownership/explanation`,
  );
  expect(JSON.stringify(explanation)).toContain('service_lapse');
});
