import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ConsoleApi, uniqueMobile } from '../fixtures/console-api';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { expectAccessible, pageTitle, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

// A complaint made to the GM (CMP-31) fines the concerned employee and "the BU manager of bu-1";
// the ledger resolves the manager to the person who holds the post, from the staff directory.
interface FineRow {
  readonly fineId: string;
  readonly employeeId: string | null;
  readonly rule: string;
  readonly causeReference: string;
}

let gmApi: ConsoleApi;
let caseNumber = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  gmApi = await ConsoleApi.signIn(PEOPLE.admin.employeeId, ['gm']);
  const admin = await ConsoleApi.signIn(PEOPLE.admin.employeeId, ['admin']);
  await admin.post(
    `/api/customers/staff/${PEOPLE.manager1.employeeId}/appoint`,
    { post: 'bu_manager' },
    [200, 201, 409, 422],
  );
  await admin.dispose();
  const staff1 = await ConsoleApi.signIn(PEOPLE.staff1.employeeId, ['staff']);
  const { customerId } = await staff1.post<{ customerId: string }>('/api/customers/customers', {
    name: '罚款测试客户',
    mobile: uniqueMobile(),
    source: 'walk_in',
  });
  await staff1.dispose();
  // The complaints service learns the customer from the customers topic: retry until it knows them.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const registered = await gmApi
      .post<{ number?: string }>(
        '/api/complaints/cases',
        {
          kind: 'complaint',
          channel: 'executive',
          customerId,
          subject: '向总经理投诉',
          description: '服务态度',
        },
        [200, 201, 404, 409, 422],
      )
      .catch(() => undefined);
    if (registered?.number) {
      caseNumber = registered.number;
      break;
    }
    if (Date.now() > deadline) throw new Error('the complaints service never learned the customer');
    await new Promise((r) => setTimeout(r, 500));
  }
  await gmApi.eventually<{ items: FineRow[] }>(
    '/api/penalties/fines?rule=CMP-31',
    (page) => page.items.filter((f) => f.causeReference === caseNumber).length === 2,
    30_000,
  );
});

test.afterAll(async () => {
  await gmApi?.dispose();
});

test('the fines appear in the ledger resolved to employees and in the payroll export', async ({ page }) => {
  await signIn(page, PEOPLE.admin, ['gm']);
  await page.getByRole('link', { name: '罚款台账' }).click();
  await expect(pageTitle(page, '罚款台账')).toBeVisible();
  await page.getByLabel('规则').fill('CMP-31');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const rows = page.locator('.ant-table-row', { hasText: 'CMP-31' });
  await expect(rows.filter({ hasText: PEOPLE.manager1.displayName }).first()).toBeVisible();
  await expect(rows.filter({ hasText: PEOPLE.staff1.displayName }).first()).toBeVisible();
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'penalty-ledger-zh');

  // The manager's fine names who held the post, and on what basis.
  await rows.filter({ hasText: PEOPLE.manager1.displayName }).first().getByRole('link').click();
  await expect(page.getByTestId('fine-payee')).toContainText(PEOPLE.manager1.employeeId);
  await expect(page.getByText('按').first()).toBeVisible();
  await page.goBack();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /工资扣款 CSV/ }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv).toContain('工号 Employee ID');
  expect(csv).toContain(`${PEOPLE.manager1.employeeId},${PEOPLE.manager1.displayName},bu-1,`);
  expect(csv).toContain(`${PEOPLE.staff1.employeeId},${PEOPLE.staff1.displayName},bu-1,`);
});

test('a fined employee appeals and the GM waives', async ({ page }) => {
  const fines = await gmApi.get<{ items: FineRow[] }>('/api/penalties/fines?rule=CMP-31');
  const own = fines.items.find(
    (f) => f.causeReference === caseNumber && f.employeeId === PEOPLE.staff1.employeeId,
  );
  if (own === undefined) throw new Error("no CMP-31 fine on staff1's case");

  // 王芳 sees her own fine and appeals within the window.
  await signIn(page, PEOPLE.staff1, ['staff']);
  await page.getByRole('link', { name: '罚款台账' }).click();
  await page.locator('.ant-table-row', { hasText: 'CMP-31' }).first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/penalties/fines/${own.fineId}$`));
  await page.getByRole('button', { name: /申\s*诉/ }).click();
  const appeal = page.getByRole('dialog');
  await appeal.getByLabel('申诉理由').fill('客户投诉的事项由他人经办');
  await appeal.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.locator('.ant-tag', { hasText: '申诉中' })).toBeVisible();
  await expectAccessible(page);

  // The GM decides from the fine's page: waived, with a reason.
  await signIn(page, PEOPLE.admin, ['gm']);
  await page.goto(`/penalties/fines/${own.fineId}`);
  await page.getByRole('button', { name: /审批申诉/ }).click();
  const decision = page.getByRole('dialog');
  await decision.getByText('免除罚款').click();
  await decision.getByLabel('决定理由').fill('经核实为他人经办，免除');
  await decision.getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.locator('.ant-tag', { hasText: '已免除' })).toBeVisible();
  await expect(page.getByText('经核实为他人经办，免除')).toBeVisible();
  await expectNoUntranslatedText(page);
  await screenshot(page, 'fine-waived-zh');
});
