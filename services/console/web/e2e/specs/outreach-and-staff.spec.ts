import { expect, test, type Browser, type Page } from '@playwright/test';
import { ConsoleApi, uniqueMobile } from '../fixtures/console-api';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { expectAccessible, openOption, pageTitle, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE, type Person } from '../fixtures/people';

/** Each person in their own browser context, as on their own computer. */
const pageOf = async (browser: Browser, person: Person): Promise<Page> => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, person);
  return page;
};

interface BatchView {
  readonly allocation?: { readonly counts: readonly { employeeId: string; records: number }[] };
}

test('a manager submits a batch, the clerk enters it with a duplicate, the manager allocates and sees 8/8/7/7', async ({
  browser,
}) => {
  test.slow(); // three people, 31 forms and two accessibility scans
  // A customer another BU registered first: the batch's copy is a duplicate that keeps its owner.
  const other = await ConsoleApi.signIn(PEOPLE.staff2.employeeId, ['staff']);
  const duplicateMobile = uniqueMobile();
  await other.post('/api/customers/customers', {
    name: '老客户',
    mobile: duplicateMobile,
    source: 'walk_in',
  });

  const seminar = `科普讲座 ${Date.now()}`;
  const participants = [PEOPLE.staff1, PEOPLE.staff3, PEOPLE.staff4, PEOPLE.manager1];
  const manager = await pageOf(browser, PEOPLE.manager1);
  await manager.getByRole('link', { name: '科普会名单' }).click();
  await manager.getByRole('button', { name: '提交科普会名单' }).click();
  const dialog = manager.getByRole('dialog');
  await dialog.getByLabel('科普会').fill(seminar);
  const select = dialog.getByRole('combobox', { name: '参会员工' });
  for (const p of participants) {
    await select.click();
    await openOption(manager, `（${p.employeeId}）`).click();
  }
  await manager.keyboard.press('Escape');
  await dialog.getByLabel('收集表数').fill('31');
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await expect(pageTitle(manager, '科普会名单详情')).toBeVisible();
  await expect(manager.getByText('待录入').first()).toBeVisible();
  const batchUrl = manager.url();
  const batchId = batchUrl.split('/').pop() ?? '';

  const clerk = await pageOf(browser, PEOPLE.clerk);
  await clerk.getByRole('link', { name: '科普会名单' }).click();
  await clerk.getByRole('link', { name: seminar }).click();
  const lines = Array.from({ length: 30 }, (_, i) => `听众${i + 1}\t${uniqueMobile()}\t上海市浦东新区`);
  lines.splice(10, 0, `老客户\t${duplicateMobile}`);
  await clerk.getByLabel('收集表内容').fill(lines.join('\n'));
  await expect(clerk.getByText('已识别 31 份')).toBeVisible();
  await expectAccessible(clerk);
  await clerk.getByRole('button', { name: '录入 31 份' }).click();
  await expect(clerk.getByText('录入的客户（31 份，其中重复 1 份）')).toBeVisible();
  await expect(clerk.getByText(`保留原归属：bu-2 / ${PEOPLE.staff2.employeeId}`)).toBeVisible();
  await expectNoUntranslatedText(clerk);
  await screenshot(clerk, 'outreach-entered-zh');
  await clerk.getByRole('button', { name: '返回事业部' }).click();
  await clerk.getByRole('tooltip').getByRole('button', { name: '返回事业部' }).click();
  await expect(clerk.getByText('待分配').first()).toBeVisible();

  await manager.reload();
  await manager.getByRole('button', { name: '平均分配' }).click();
  await manager.getByRole('tooltip').getByRole('button', { name: '平均分配' }).click();
  await expect(manager.getByText('8/8/7/7')).toBeVisible();
  await expectAccessible(manager);
  await expectNoUntranslatedText(manager);
  await screenshot(manager, 'outreach-allocated-zh');

  // What was recorded, checked through the API: the deal, and the duplicate still with its owner.
  const api = await ConsoleApi.signIn(PEOPLE.manager1.employeeId, ['bu_manager']);
  const batch = await api.get<BatchView>(`/api/customers/outreach-batches/${batchId}`);
  expect(batch.allocation?.counts).toEqual(
    participants.map((p, i) => ({ employeeId: p.employeeId, records: i < 2 ? 8 : 7 })),
  );
  const found = await other.post<{ ownerBu: string; ownerEmployeeId: string }[]>(
    '/api/customers/customer-search',
    { mobile: duplicateMobile },
  );
  expect(found.map((c) => [c.ownerBu, c.ownerEmployeeId])).toEqual([['bu-2', PEOPLE.staff2.employeeId]]);
  await Promise.all([api.dispose(), other.dispose()]);
});

test('a BU manager adds an employee, sends them on long leave and sees the redraw with its seed', async ({
  page,
}) => {
  test.slow();
  const employeeId = `e2e-temp-${Date.now() % 1_000_000}`;
  await signIn(page, PEOPLE.manager1);
  await page.getByRole('link', { name: '员工管理' }).click();
  await page.getByRole('button', { name: '新增员工' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('员工编号').fill(employeeId);
  await dialog.getByLabel('姓名').fill('吴涛');
  await dialog.getByRole('button', { name: /确\s*定/ }).click();
  const row = page.getByRole('row', { name: new RegExp(employeeId) });
  await expect(row).toContainText('在岗');

  const newcomer = await ConsoleApi.signIn(employeeId, ['staff']);
  for (const name of ['客户甲', '客户乙']) {
    await newcomer.post('/api/customers/customers', { name, mobile: uniqueMobile(), source: 'walk_in' });
  }
  await newcomer.eventually<{ items: unknown[] }>(
    `/api/customers/customers?ownerBu=bu-1&limit=100`,
    (p) => JSON.stringify(p).split(employeeId).length - 1 >= 2,
  );

  await row.getByRole('button', { name: /长\s*假/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /长\s*假/ })
    .click();
  await expect(page.getByText('吴涛 名下 2 位客户已随机抽签重新分配（ARC-72）')).toBeVisible();
  await expect(page.getByText('抽签种子', { exact: true })).toBeVisible();
  await expect(row).toContainText('长假');
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'staff-redistribution-zh');

  await row.getByRole('button', { name: /销假返岗/ }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /销假返岗/ })
    .click();
  await expect(page.getByText('返岗不改变客户归属。')).toBeVisible();
  await expect(row).toContainText('在岗');
  await newcomer.dispose();
});
