import { expect, test, type Page } from '@playwright/test';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { as, personFor, grantRequested, investigatedAccount, ratedA } from '../fixtures/credit';
import { expectAccessible, pageTitle, screenshot, signIn } from '../fixtures/pages';

/** The approvals inbox until the card appears (the inbox follows the events a moment later). */
const openCard = async (page: Page, testId: string) => {
  await page.getByRole('link', { name: '审批', exact: true }).click();
  await expect(pageTitle(page, '审批')).toBeVisible();
  const card = page.getByTestId(testId);
  await expect(async () => {
    if (!(await card.isVisible())) await page.reload();
    await expect(card).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 45_000 });
  return card;
};

test('a grant passes every approval stage from the approvals inbox', async ({ page }) => {
  test.setTimeout(300_000);
  const accountId = `e2e-grant-${Date.now().toString(36)}`;
  await investigatedAccount(accountId);
  await ratedA(accountId);
  await grantRequested(accountId, 5_000_000);

  // CRD-32: the marketing VP, the CFO and the GM; then CRD-37: the GM and the chairman.
  const stages = [
    ['marketing_vp', 0],
    ['cfo', 0],
    ['gm', 0],
    ['gm', 1],
    ['chairman', 1],
  ] as const;
  for (const [role, stage] of stages) {
    await signIn(page, personFor(role), [role]);
    const card = await openCard(page, `approval-grant:${accountId}:g-1:${stage}:${role}`);
    await expect(card).toContainText(accountId);
    await expect(card).toContainText(stage === 0 ? '规则 CRD-32' : '规则 CRD-37');
    await expect(card).toContainText('50000.00');
    await expect(card).toContainText('长期');
    if (role === 'marketing_vp') {
      await expectAccessible(page);
      await expectNoUntranslatedText(page);
      await screenshot(page, 'approvals-inbox-zh');
    }
    await card.getByRole('button', { name: /同\s*意/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认同意' }).click();
    await expect(dialog).toBeHidden();
    await expect(card).toBeHidden();
  }

  const auditor = await as('auditor');
  const account = await auditor.eventually<{ limitFen: number; pendingGrant: unknown }>(
    `/api/credit/credit-accounts/${accountId}`,
    (a) => a.limitFen === 5_000_000,
  );
  expect(account.pendingGrant).toBeNull();
  await auditor.dispose();

  // The desk shows the limit in force, and nobody has the grant to approve any more.
  await page.getByRole('link', { name: '信用账户', exact: true }).click();
  await expect(pageTitle(page, '信用账户')).toBeVisible();
  await page.getByPlaceholder('按名称或账户号查找').fill(accountId);
  await page.getByPlaceholder('按名称或账户号查找').press('Enter');
  const row = page.locator('.ant-table-row', { hasText: accountId });
  await expect(row).toContainText('A 级');
  await expect(row).toContainText('50000.00');
  await expectAccessible(page);
  await screenshot(page, 'credit-accounts-zh');
});
