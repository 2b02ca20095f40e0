import { expect, test, type Page } from '@playwright/test';
import { ConsoleApi, uniqueMobile } from '../fixtures/console-api';
import { expectNoUntranslatedText } from '../fixtures/catalogs';
import { expectAccessible, pageTitle, screenshot, signIn } from '../fixtures/pages';
import { PEOPLE } from '../fixtures/people';

// Moves the invitations service's clock (test-only control, NODE_ENV=test) past the daily cut-offs,
// and puts it back afterwards. The people sign in with the role each step needs.
interface Cutoff {
  readonly day: string;
  readonly cutoffAt: string;
}

const hourAfter = (iso: string): string => new Date(Date.parse(iso) + 3600_000).toISOString();

/** The Asia/Shanghai day `days` from now, YYYY-MM-DD. */
const shanghaiDay = (days: number): string =>
  new Date(Date.now() + days * 24 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);

let admin: ConsoleApi;

test.beforeAll(async () => {
  admin = await ConsoleApi.signIn(PEOPLE.admin.employeeId, ['admin']);
});

test.afterAll(async () => {
  await admin.delete('/api/invitations/test/clock');
  await admin.dispose();
});

/** Moves the service's and the page's clocks together, so countdowns read like the service. */
const moveClock = async (page: Page, now: string): Promise<void> => {
  await admin.post('/api/invitations/test/clock', { now }, [200]);
  await page.clock.setSystemTime(new Date(now));
};

test('staff confirm invitations, a manager files a list late, a coordinator rules a conflict and the GM gives the final ruling', async ({
  page,
}) => {
  // One journey across two filing days and four people.
  test.setTimeout(240_000);
  const coordinator = PEOPLE.director;
  const gm = PEOPLE.admin;

  // The coordinator schedules an evening event three days ahead for bu-1 and bu-2.
  await signIn(page, coordinator, ['coordinator']);
  await page.getByRole('link', { name: '会议日程' }).click();
  await expect(pageTitle(page, '会议日程')).toBeVisible();
  await page.getByRole('button', { name: '安排联合会议' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('会议日期').fill(shanghaiDay(3));
  await dialog.getByLabel('会议日期').press('Enter');
  await dialog.getByText('晚场').click();
  await dialog.getByLabel('会场').fill('一号会议厅');
  const units = dialog.getByLabel('参会事业部（按优先顺序）');
  await units.click();
  await units.fill('bu-1');
  await units.press('Enter');
  await units.fill('bu-2');
  await units.press('Enter');
  await dialog.getByRole('button', { name: /安\s*排/ }).click();
  await expect(page).toHaveURL(/\/invitations\/events\/[0-9a-f-]{36}$/);
  const jointEventId = page.url().split('/').pop() ?? '';
  await expect(page.getByText('每日名单截止时间（由系统按规则计算）')).toBeVisible();
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'joint-event-zh');
  const event = await admin.get<{ cutoffs: Cutoff[] }>(`/api/invitations/joint-events/${jointEventId}`);
  const [day1, day2] = event.cutoffs;
  if (day1 === undefined || day2 === undefined) throw new Error('the event has fewer than two cut-offs');

  // Two bu-1 customers; staff1 confirms A on screen and B through the API.
  const staff1 = await ConsoleApi.signIn(PEOPLE.staff1.employeeId, ['staff']);
  const register = (name: string) =>
    staff1.post<{ customerId: string }>('/api/customers/customers', {
      name,
      mobile: uniqueMobile(),
      source: 'walk_in',
    });
  const a = (await register('周先生')).customerId;
  const b = (await register('吴女士')).customerId;
  await staff1.eventually(`/api/invitations/customer-directory/${b}`, () => true);
  await signIn(page, PEOPLE.staff1);
  await page.goto(`/invitations/events/${jointEventId}/confirm`);
  await page.getByLabel('客户编号').fill(a);
  await page.getByRole('button', { name: '确认邀约' }).click();
  await expect(page.getByText(`已确认邀约客户 ${a}`)).toBeVisible();
  await staff1.post(`/api/invitations/joint-events/${jointEventId}/invitations`, { customerId: b });

  // The director gives A to bu-2; bu-2 may now invite A, but bu-1 holds A for this event (INV-09).
  const director = await ConsoleApi.signIn(PEOPLE.director.employeeId, ['resource_director']);
  await director.post(`/api/customers/customers/${a}/reassignments`, {
    toBu: 'bu-2',
    toEmployeeId: PEOPLE.staff2.employeeId,
    reason: 'director_decision',
  });
  await director.dispose();
  const staff2 = await ConsoleApi.signIn(PEOPLE.staff2.employeeId, ['staff']);
  await staff2.eventually<{ ownerBu: string }>(
    `/api/invitations/customer-directory/${a}`,
    (c) => c.ownerBu === 'bu-2',
  );
  await signIn(page, PEOPLE.staff2);
  await page.goto(`/invitations/events/${jointEventId}/confirm`);
  await page.getByLabel('客户编号').fill(a);
  await page.getByRole('button', { name: '确认邀约' }).click();
  await expect(page.getByText('该客户已由 bu-1 邀约，不能重复邀约')).toBeVisible();
  await screenshot(page, 'confirm-invitation-held-zh');

  // Past the first cut-off with no bu-1 list: the manager files it late and sees it so.
  await moveClock(page, hourAfter(day1.cutoffAt));
  await admin.eventually<{ cutoffsReached: string[] }>(`/api/invitations/joint-events/${jointEventId}`, (e) =>
    e.cutoffsReached.includes(day1.day),
  );
  await signIn(page, PEOPLE.manager1);
  await page.goto(`/invitations/events/${jointEventId}/lists`);
  await expect(page.getByLabel('名单日期')).toBeVisible();
  await page.getByLabel('当日确认名单（客户编号）').fill(b);
  await page.getByRole('button', { name: '报送名单' }).click();
  await expect(page.getByText('名单已报送，但已过截止时间，记为迟交')).toBeVisible();
  await expect(page.locator('[data-status="late"]')).toHaveText('迟交');
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'daily-list-late-zh');
  const manager = await ConsoleApi.signIn(PEOPLE.manager1.employeeId, ['bu_manager']);
  const fines = await manager.eventually<{ rule: string }[]>('/api/invitations/penalty-ledger?bu=bu-1', (f) =>
    f.some((x) => x.rule === 'INV-07'),
  );
  expect(fines.length).toBeGreaterThan(0);
  await manager.dispose();

  // bu-1 lost its hold on A; bu-2 confirms it, and neither lists it by the next cut-off.
  await staff2.post(`/api/invitations/joint-events/${jointEventId}/invitations`, { customerId: a });
  await moveClock(page, hourAfter(day2.cutoffAt));
  await admin.eventually<{ customerId: string }[]>('/api/invitations/invitation-conflicts?status=open', (q) =>
    q.some((c) => c.customerId === a),
  );

  // The coordinator rules for bu-1 …
  await signIn(page, coordinator, ['coordinator']);
  await page.getByRole('link', { name: '邀约冲突' }).click();
  await expect(pageTitle(page, '邀约冲突')).toBeVisible();
  const row = page.locator('.ant-table-row', { hasText: a });
  await expectAccessible(page);
  await expectNoUntranslatedText(page);
  await screenshot(page, 'conflicts-zh');
  await row.getByRole('button', { name: /裁\s*定/ }).click();
  const ruling = page.getByRole('dialog');
  await ruling.getByRole('radio', { name: /^bu-1/ }).check();
  await ruling.getByLabel('说明').fill('bu-1 一直在服务该客户');
  await ruling.getByRole('button', { name: /提\s*交/ }).click();
  await expect(row.locator('[data-status="ruled"]')).toBeVisible();

  // … and the GM's ruling for bu-2 is final.
  await signIn(page, gm, ['gm']);
  await page.getByRole('link', { name: '邀约冲突' }).click();
  const gmRow = page.locator('.ant-table-row', { hasText: a });
  await gmRow.getByRole('button', { name: /终\s*裁/ }).click();
  const final = page.getByRole('dialog');
  await final.getByRole('radio', { name: /^bu-2/ }).check();
  await final.getByRole('button', { name: /提\s*交/ }).click();
  await expect(gmRow.locator('[data-status="final"]')).toBeVisible();
  await expect(gmRow.getByRole('button', { name: /终\s*裁/ })).toBeDisabled();
  const queue = await admin.eventually<
    { customerId: string; status: string; winnerBu: string; basis: string }[]
  >('/api/invitations/invitation-conflicts?status=final', (q) => q.some((c) => c.customerId === a));
  expect(queue.find((c) => c.customerId === a)).toMatchObject({ winnerBu: 'bu-2', basis: 'gm' });
  await staff1.dispose();
  await staff2.dispose();
});
