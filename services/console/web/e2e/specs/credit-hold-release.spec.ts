import { expect, test } from '@playwright/test';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import {
  as,
  personFor,
  grantApproved,
  grantRequested,
  investigatedAccount,
  ratedA,
} from '../fixtures/credit';
import { expectAccessible, openOption, pageTitle, screenshot, signIn } from '../fixtures/pages';

test('a hold is released by the marketing VP', async ({ page }) => {
  test.setTimeout(240_000);
  const accountId = `e2e-hold-${Date.now().toString(36)}`;
  await investigatedAccount(accountId);
  await ratedA(accountId);
  await grantRequested(accountId, 100_000);
  await grantApproved(accountId);
  const auditor = await as('auditor');
  await auditor.eventually<{ limitFen: number }>(
    `/api/credit/credit-accounts/${accountId}`,
    (a) => a.limitFen === 100_000,
  );
  // 1,500 yuan against a 1,000 yuan limit: held (CRD-40).
  const staff = await as('staff');
  const check = await staff.post<{ decision: string }>(
    `/api/credit/credit-accounts/${accountId}/credit-checks`,
    {
      orderId: 'o-1',
      kind: 'credit_sale',
      amountFen: 150_000,
    },
  );
  expect(check.decision).toBe('held');
  await staff.dispose();

  // The marketing manager asks for the release, with the credit controller (CRD-41).
  await signIn(page, personFor('marketing_manager'), ['marketing_manager']);
  await page.goto(`/credit/accounts/${accountId}`);
  await expect(pageTitle(page, '信用账户详情')).toBeVisible();
  const order = page.locator('.ant-table-row', { hasText: 'o-1' });
  await expect(order).toContainText('冻结中');
  await expect(order).toContainText('超出额度');
  await order.getByRole('button', { name: '申请放行' }).click();
  const request = page.getByRole('dialog');
  await request.getByLabel('信用管理员工号').fill('e2e-controller');
  await request.getByRole('button', { name: /确\s*定/ }).click();
  await expect(request).toBeHidden();

  // The marketing VP decides from the approvals inbox, with a reason from the list.
  await signIn(page, personFor('marketing_vp'), ['marketing_vp']);
  await page.getByRole('link', { name: '审批', exact: true }).click();
  const card = page.getByTestId(`approval-hold:${accountId}:o-1`);
  await expect(async () => {
    if (!(await card.isVisible())) await page.reload();
    await expect(card).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  await expect(card).toContainText('规则 CRD-41');
  await expect(card).toContainText('超出额度');
  await expect(card).toContainText('1500.00');
  await card.getByRole('button', { name: /同\s*意/ }).click();
  const decide = page.getByRole('dialog');
  await decide.getByRole('button', { name: '确认同意' }).click();
  // The reason is required: the form says so next to the field.
  await expect(decide.getByText('请填写此项')).toBeVisible();
  await decide.getByLabel('理由').click();
  await openOption(page, '回款有保障').click();
  await decide.getByLabel('补充说明').fill('客户承诺月底前付清');
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'hold-release-zh');
  await decide.getByRole('button', { name: '确认同意' }).click();
  await expect(decide).toBeHidden();
  await expect(card).toBeHidden();

  const after = await auditor.eventually<{ orders: { orderId: string; status: string }[] }>(
    `/api/credit/credit-accounts/${accountId}`,
    (a) => a.orders.some((o) => o.orderId === 'o-1' && o.status === 'released'),
  );
  expect(after.orders).toHaveLength(1);
  await auditor.dispose();

  // The account page explains the hold and what followed: requested, then released with the reason.
  await page.goto(`/credit/accounts/${accountId}/holds/o-1`);
  await expect(page.locator('.ant-table-row', { hasText: 'o-1' })).toContainText('已放行');
  await expect(page.getByText('回款有保障：客户承诺月底前付清')).toBeVisible();
});
