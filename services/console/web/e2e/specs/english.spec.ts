import { expect, test } from '@playwright/test';
import { expectAccessible, pageTitle, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

test('in English: a wrong mobile is refused beside the field before anything is sent', async ({ page }) => {
  await signIn(page, PEOPLE.staff1);
  await page.getByText('English', { exact: true }).click();
  await expect(pageTitle(page, 'My inbox')).toBeVisible();
  await page.getByRole('link', { name: 'Register a customer' }).click();
  await page.getByLabel('Name').fill('Test Person');
  await page.getByLabel('Mobile').fill('12345');
  let sent = false;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/customers/customers')) sent = true;
  });
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByText('Enter an 11-digit mainland China mobile number')).toBeVisible();
  expect(sent).toBe(false);
  await expectAccessible(page);
  await screenshot(page, 'register-customer-en');
  await page.getByText('中文', { exact: true }).click();
  await expect(pageTitle(page, '登记客户')).toBeVisible();
});
