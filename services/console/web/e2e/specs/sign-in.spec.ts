import { expect, test } from '@playwright/test';
import { ConsoleApi } from '../fixtures/console-api';
import { expectAccessible, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

test('the sign-in page is in Chinese by default and accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?redirect=%2F$/);
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'sign-in-zh');
});

test('a person who left cannot sign in, and their open session ends', async ({ page }) => {
  await signIn(page, PEOPLE.leaver);
  const admin = await ConsoleApi.signIn(PEOPLE.admin.employeeId, ['admin']);
  await admin.post(`/api/customers/staff/${PEOPLE.leaver.employeeId}/leave`, {}, [200, 201]);
  await admin.eventually<{ employeeId: string; status: string }[]>('/api/customers/staff', (staff) =>
    staff.some((s) => s.employeeId === PEOPLE.leaver.employeeId && s.status === 'left'),
  );
  // The open session is checked against the directory and ends: back to sign-in.
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login/);
  // And signing in again is refused, beside the field, in Chinese.
  const refused = await page.request.post('/api/auth/dev-sign-in', {
    data: { employeeId: PEOPLE.leaver.employeeId, roles: ['staff'] },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).code).toBe('console.person_left');
  await admin.dispose();
});

test('a cross-site write is refused before it reaches a service', async ({ request }) => {
  const response = await request.post('/api/customers/customers', {
    data: { name: 'x', mobile: '13900000000', source: 'walk_in' },
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).code).toBe('console.cross_site');
});
