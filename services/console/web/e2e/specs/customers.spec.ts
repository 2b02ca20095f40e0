import { expect, test } from '@playwright/test';
import { ConsoleApi, uniqueMobile } from '../fixtures/console-api';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { expectAccessible, pageTitle, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

test('a staff member registers a customer, sees a duplicate refused with its owner, and records a visit', async ({
  page,
}) => {
  await signIn(page, PEOPLE.staff1);
  await expect(pageTitle(page, '我的待办')).toBeVisible();
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'inbox-zh');

  const mobile = uniqueMobile();
  await page.getByRole('link', { name: '登记客户' }).click();
  await page.getByLabel('姓名').fill('赵先生');
  await page.getByLabel('手机号').fill(`${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`);
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'register-customer-zh');
  await page.getByRole('button', { name: /登\s*记/ }).click();

  await expect(pageTitle(page, '客户档案')).toBeVisible();
  await expect(page.getByText('赵先生').first()).toBeVisible();
  const customerId = page.url().split('/').pop() ?? '';
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'customer-zh');

  // What was saved, checked through the API rather than the screen.
  const api = await ConsoleApi.signIn(PEOPLE.staff1.employeeId, ['staff']);
  const saved = await api.get<{ ownerBu: string; ownerEmployeeId: string }>(
    `/api/customers/customers/${customerId}`,
  );
  expect([saved.ownerBu, saved.ownerEmployeeId]).toEqual(['bu-1', PEOPLE.staff1.employeeId]);

  // The same mobile again: refused, with who registered it first and a link to the record.
  await page.getByRole('link', { name: '登记客户' }).click();
  await page.getByLabel('姓名').fill('赵先生');
  await page.getByLabel('手机号').fill(mobile);
  await page.getByRole('button', { name: /登\s*记/ }).click();
  const alert = page.getByRole('alert').filter({ hasText: '先登记者优先' });
  await expect(alert).toContainText(`bu-1 的员工 ${PEOPLE.staff1.employeeId}`);
  await expect(page.getByText('该手机号已被登记')).toBeVisible();
  await alert.getByRole('link', { name: '查看已有客户档案' }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${customerId}$`));

  // A home visit, recorded from the customer page.
  await page.getByLabel('服务记录').fill('家访：介绍新品');
  await page.getByRole('button', { name: /记\s*录/ }).click();
  await expect(page.getByText('服务已记录')).toBeVisible();
  await api.dispose();
});

test('another BU sees the customer masked; the list pages pass accessibility checks', async ({ page }) => {
  const owner = await ConsoleApi.signIn(PEOPLE.staff1.employeeId, ['staff']);
  const mobile = uniqueMobile();
  const { customerId } = await owner.post<{ customerId: string }>('/api/customers/customers', {
    name: '钱女士',
    mobile,
    source: 'walk_in',
  });
  await signIn(page, PEOPLE.staff2);
  await page.goto(`/customers/${customerId}`);
  await expect(page.getByText(`${mobile.slice(0, 3)}****${mobile.slice(7)}`)).toBeVisible();
  await expect(page.getByText('已脱敏')).toBeVisible();
  await page.getByRole('link', { name: '客户列表' }).click();
  await expect(pageTitle(page, '客户列表')).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'customer-list-zh');
  await owner.dispose();
});
