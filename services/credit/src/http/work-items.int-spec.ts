import { EventPipeline, type WorkItemDto } from '@crm/nest';
import { eventually, tableRows } from '@crm/testing';
import { startCreditTestApp, type CreditTestApp } from '../testing/credit-test-app';
import {
  creditApi,
  investigatedAccount,
  seenStatuses,
  setPortfolioCap,
  type CreditApi,
} from '../testing/credit-flow';

jest.setTimeout(120_000);

const ROLES = ['staff', 'marketing_manager', 'credit_controller', 'marketing_vp', 'cfo', 'gm', 'chairman'];

describe('credit work items (real PostgreSQL + Kafka, through HTTP)', () => {
  let t: CreditTestApp;
  let api: CreditApi;
  const base = '/credit-accounts/acc-wi';

  const inbox = async (role: string): Promise<WorkItemDto[]> =>
    (await api.get('/work-items', role).expect(200)).body.items as WorkItemDto[];

  /** Waits until exactly `roles` hold an item of `kind` about the account, and returns one of them. */
  const heldBy = async (kind: string, roles: readonly string[]): Promise<WorkItemDto | undefined> => {
    const found = await eventually(
      async () => {
        const holders: [string, WorkItemDto][] = [];
        for (const role of ROLES) {
          const item = (await inbox(role)).find(
            (i) => i.kind === kind && i.titleParams['accountId'] === 'acc-wi',
          );
          if (item !== undefined) holders.push([role, item]);
        }
        return holders.map(([r]) => r).join() ===
          [...roles].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)).join()
          ? holders
          : undefined;
      },
      `${kind} held by ${roles.join(', ') || 'nobody'}`,
    );
    return found[0]?.[1];
  };

  beforeAll(async () => {
    t = await startCreditTestApp();
    api = await creditApi(t);
    await setPortfolioCap(api, 1_000_000_000);
    await investigatedAccount(api, 'acc-wi');
  });

  afterAll(async () => {
    await t?.close();
    expect(seenStatuses.filter((s) => s >= 500)).toEqual([]);
  });

  it('a grade proposal waits for the VP and the CFO, then for the GM; approved, it is gone', async () => {
    await api
      .post(`${base}/grade-proposals`, 'marketing_manager', {
        proposalId: 'p-1',
        salespersonId: 'staff-1',
        creditControllerId: 'credit_controller-1',
      })
      .expect(201);
    const item = await heldBy('gradeToApprove', ['marketing_vp', 'cfo']);
    expect(item).toMatchObject({
      service: 'credit',
      titleKey: 'workItems.credit.gradeToApprove',
      titleParams: { accountId: 'acc-wi', accountName: 'acc-wi', proposalId: 'p-1', grade: 'A' },
      dueAt: null,
      link: '/credit/accounts/acc-wi',
    });
    await api.post(`${base}/grade-proposals/p-1/reviews`, 'marketing_vp').expect(201);
    await heldBy('gradeToApprove', ['cfo']);
    await api.post(`${base}/grade-proposals/p-1/reviews`, 'cfo').expect(201);
    await heldBy('gradeToApprove', ['gm']);
    await api.post(`${base}/grade-proposals/p-1/approval`, 'gm').expect(201);
    await heldBy('gradeToApprove', []);
  });

  it('a grant waits for the VP, CFO and GM, then for the GM and the chairman; effective, it is gone', async () => {
    await api
      .post(`${base}/grants`, 'marketing_manager', {
        grantId: 'g-1',
        type: 'long_term',
        limitFen: 50_000,
        termDays: 30,
      })
      .expect(201);
    const item = await heldBy('grantToApprove', ['marketing_vp', 'cfo', 'gm']);
    expect(item?.titleParams).toMatchObject({ grantId: 'g-1', limitFen: 50_000, termDays: 30 });
    await api.post(`${base}/grants/g-1/approvals`, 'marketing_vp').expect(201);
    await api.post(`${base}/grants/g-1/approvals`, 'cfo').expect(201);
    await heldBy('grantToApprove', ['gm']);
    await api.post(`${base}/grants/g-1/approvals`, 'gm').expect(201);
    await heldBy('grantToApprove', ['gm', 'chairman']);
    await api.post(`${base}/grants/g-1/approvals`, 'gm').expect(201);
    await heldBy('grantToApprove', ['chairman']);
    await api.post(`${base}/grants/g-1/approvals`, 'chairman').expect(201);
    await heldBy('grantToApprove', []);
  });

  it('the limit brings the monthly and quarterly reviews, due when scheduled, to the marketing manager', async () => {
    const account = await api.get(base).expect(200);
    const due = account.body.reviewsDue as { monthly: string; quarterly: string };
    const reviews = await eventually(async () => {
      const items = (await inbox('marketing_manager')).filter((i) => i.kind === 'reviewDue');
      return items.length === 2 ? items : undefined;
    }, 'both reviews in the marketing manager inbox');
    expect(reviews.map((i) => [i.titleParams['period'], i.dueAt])).toEqual([
      ['monthly', due.monthly],
      ['quarterly', due.quarterly],
    ]);
    expect((await inbox('cfo')).filter((i) => i.kind === 'reviewDue')).toEqual([]);
  });

  it('a held order waits for the marketing manager, then for the VP; decided, it is gone', async () => {
    const held = await api
      .post(`${base}/credit-checks`, 'staff', { orderId: 'o-9', kind: 'credit_sale', amountFen: 60_000 })
      .expect(201);
    expect(held.body).toMatchObject({ decision: 'held' });
    const item = await heldBy('heldOrder', ['marketing_manager']);
    expect(item).toMatchObject({
      id: 'hold:acc-wi:o-9',
      titleKey: 'workItems.credit.heldOrder',
      titleParams: { orderId: 'o-9', amountFen: 60_000, reasons: 'over_limit' },
      priority: 'high',
      link: '/credit/accounts/acc-wi/holds/o-9',
    });
    await api
      .post(`${base}/holds/o-9/release-requests`, 'marketing_manager', {
        creditControllerId: 'credit_controller-1',
      })
      .expect(201);
    await heldBy('holdToDecide', ['marketing_vp']);
    await heldBy('heldOrder', []);
    await api
      .post(`${base}/holds/o-9/decision`, 'marketing_vp', { release: false, reason: 'too much' })
      .expect(201);
    await heldBy('holdToDecide', []);
  });

  it('a limit adjustment waits for the VP to endorse, then for the GM and the chairman', async () => {
    await api
      .post(`${base}/limit-adjustments`, 'marketing_manager', { adjustmentId: 'a-1', newLimitFen: 40_000 })
      .expect(201);
    const item = await heldBy('limitAdjustmentToApprove', ['marketing_vp']);
    expect(item?.titleParams).toMatchObject({ currentLimitFen: 50_000, newLimitFen: 40_000 });
    await api.post(`${base}/limit-adjustments/a-1/approvals`, 'marketing_vp').expect(201);
    await heldBy('limitAdjustmentToApprove', ['gm', 'chairman']);
    await api.post(`${base}/limit-adjustments/a-1/approvals`, 'chairman').expect(201);
    await api.post(`${base}/limit-adjustments/a-1/approvals`, 'gm').expect(201);
    await heldBy('limitAdjustmentToApprove', []);
  });

  it('a rebuilt inbox equals the incrementally built one', async () => {
    const pipeline = t.app.get(EventPipeline);
    await pipeline.caughtUp();
    const snapshot = (): Promise<string[]> => tableRows(t.pool, t.config.readSchema(), 'work_items');
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    await pipeline.projection('credit_work_items').rebuild();
    await pipeline.caughtUp();
    expect(await snapshot()).toEqual(before);
  });
});
