import { expect, test, type Page } from '@playwright/test';
import { ConsoleApi } from '../fixtures/console-api';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { expectAccessible, pageTitle, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

// Moves the complaints service's clock (test-only control, NODE_ENV=test) to a Monday, and puts it
// back afterwards. The people sign in with the customer-service role each step needs.
const MONDAY_10 = '2026-12-14T02:00:00.000Z'; // Mon 14 Dec 2026 10:00 Beijing

let admin: ConsoleApi;

test.beforeAll(async () => {
  admin = await ConsoleApi.signIn(PEOPLE.admin.employeeId, ['admin']);
  await admin.post('/api/complaints/test/clock', { now: MONDAY_10 }, [200]);
});

test.beforeEach(({ page }) => {
  page.on('pageerror', (error) => console.log(`[pageerror] ${error.message}\n${error.stack ?? ''}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.log(`[console.${message.type()}] ${message.text()}`);
  });
});

test.afterAll(async () => {
  await admin.delete('/api/complaints/test/clock');
  await admin.dispose();
});

const openQueue = async (page: Page) => {
  await page.clock.setSystemTime(new Date(MONDAY_10));
  await page.getByRole('link', { name: '投诉工作台' }).click();
  await expect(pageTitle(page, '投诉工作台')).toBeVisible();
};

test('a phone complaint received Saturday and entered Monday gets its deadline from Saturday', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, PEOPLE.staff1, ['cs_agent']);
  await openQueue(page);
  await page.getByRole('button', { name: '登记案件' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('客户编号').fill('cust-phone-sat');
  await dialog.getByLabel('事由').fill('周六来电：安装师傅未上门');
  await dialog.getByLabel('详细描述').fill('客户周六下午致电热线，周一录入');
  await dialog.getByLabel('受理时间').fill('2026-12-12 15:00');
  await dialog.getByLabel('受理时间').press('Enter');
  await dialog.getByLabel('被投诉员工').fill(PEOPLE.staff2.employeeId);
  await dialog.getByLabel('被投诉事业部').fill('bu-2');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(page).toHaveURL(/\/complaints\/[0-9a-f-]{36}$/);

  // Received Sat 15:00; the clock starts at Monday's opening, not the 10:00 entry: 3 × 9 h → Wed 18:00.
  await expect(page.getByTestId('case-received-at')).toHaveText('2026-12-12 15:00');
  await expect(page.getByTestId('case-due-at')).toHaveText('2026-12-16 18:00');
  await expect(page.getByText(`2026-12-14 10:00 由 ${PEOPLE.staff1.employeeId} 录入`)).toBeVisible();
  await expect(page.getByRole('button', { name: '分类' })).toBeEnabled();
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'complaint-case-zh');

  // The queue counts down in working time: Mon 10:00 → Wed 18:00 is 2 working days and 8 hours.
  await openQueue(page);
  const row = page.getByRole('row', { name: /周六来电/ });
  await expect(row).toContainText('剩余 2 个工作日 8 小时 0 分');
  await expect(row).toContainText('2026-12-12 15:00');

  // A receipt more than 7 days back is refused next to the field.
  await page.getByRole('button', { name: '登记案件' }).click();
  await dialog.getByLabel('客户编号').fill('cust-phone-old');
  await dialog.getByLabel('事由').fill('两周前的来电');
  await dialog.getByLabel('详细描述').fill('d');
  await dialog.getByLabel('受理时间').fill('2026-12-01 09:00');
  await dialog.getByLabel('受理时间').press('Enter');
  await dialog.getByLabel('被投诉员工').fill(PEOPLE.staff2.employeeId);
  await dialog.getByLabel('被投诉事业部').fill('bu-2');
  await dialog.getByRole('button', { name: /登\s*记/ }).click();
  await expect(dialog.getByText('受理时间早于允许的期限（7 天），不能作为新案件登记')).toBeVisible();
  await screenshot(page, 'complaint-received-too-old-zh');
});

test('a complaint resolution of 3,000 yuan waits for a BU manager and is refused to a cs_manager', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Seeded through the console's API: registered, classified, assigned to a bu-1 handler, resolution proposed.
  const agent = await ConsoleApi.signIn(PEOPLE.staff3.employeeId, ['cs_agent']);
  const { caseId, number } = await agent.post<{ caseId: string; number: string }>('/api/complaints/cases', {
    kind: 'complaint',
    channel: 'hotline',
    customerId: 'cust-3000',
    subject: '沙发延迟交付',
    description: '晚到两周',
    concernedEmployeeId: PEOPLE.staff2.employeeId,
    concernedBu: 'bu-1',
  });
  await agent.post(`/api/complaints/cases/${caseId}/classify`, { cause: 'service_lapse' });
  await agent.post(`/api/complaints/cases/${caseId}/assign`, {
    handlerId: PEOPLE.staff4.employeeId,
    responsibleBu: 'bu-1',
  });
  const handler = await ConsoleApi.signIn(PEOPLE.staff4.employeeId, ['staff']);
  await handler.post(`/api/complaints/cases/${caseId}/resolution`, {
    items: [
      { itemId: 'i-1', kind: 'apology', description: '书面致歉', amountFen: 0 },
      { itemId: 'i-2', kind: 'compensation', description: '延迟交付补偿', amountFen: 300_000 },
    ],
  });

  // The customer-service manager sees who must approve and cannot approve it.
  await signIn(page, PEOPLE.staff3, ['cs_manager']);
  await page.goto(`/complaints/${caseId}`);
  await expect(page.getByText(number).first()).toBeVisible();
  await expect(page.getByText('需事业部经理或以上审批')).toBeVisible();
  const approve = page.getByRole('button', { name: '审批方案' });
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAttribute('data-reason', '金额超出权限：需事业部经理或以上审批');
  await expectNoUntranslatedText(page);
  await screenshot(page, 'complaint-approval-refused-zh');
  // The service refuses it too (the button is only a convenience).
  const csManager = await ConsoleApi.signIn(PEOPLE.staff3.employeeId, ['cs_manager']);
  const refusal = await csManager.post<{ code: string; rule: string }>(
    `/api/complaints/cases/${caseId}/resolution/approval`,
    {},
    [403],
  );
  expect(refusal).toMatchObject({ code: 'case.approval_authority', rule: 'CMP-APR-07' });

  // The BU manager approves it on the case page.
  await signIn(page, PEOPLE.manager1, ['bu_manager']);
  await page.goto(`/complaints/${caseId}`);
  await page.getByRole('button', { name: '审批方案' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('方案合计 ¥3000.00，需事业部经理或以上审批。')).toBeVisible();
  await dialog.getByRole('button', { name: '审批方案' }).click();
  await expect(page.getByText('方案已审批').first()).toBeVisible();
  await expect(page.getByRole('button', { name: '答复客户' })).toBeEnabled();
  await expect(page.getByText('审批通过').first()).toBeVisible();
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'complaint-approved-zh');
  for (const api of [agent, handler, csManager]) await api.dispose();
});
