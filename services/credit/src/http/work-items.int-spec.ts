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
      category: 'approval',
      approval: {
        requestedBy: 'marketing_manager-1',
        rule: 'CRD-26',
        basis: { grade: 'A', newCounterparty: false, cFlags: '' },
        approve: { method: 'POST', path: `${base}/grade-proposals/p-1/reviews`, withReason: false },
        refuse: {
          method: 'POST',
          path: `${base}/approval-refusals`,
          body: { subject: 'grade', subjectId: 'p-1' },
          withReason: true,
        },
      },
    });
    expect(item?.approval?.reasons).toContain('insufficient_basis');
    await api.post(`${base}/grade-proposals/p-1/reviews`, 'marketing_vp').expect(201);
    await heldBy('gradeToApprove', ['cfo']);
    await api.post(`${base}/grade-proposals/p-1/reviews`, 'cfo').expect(201);
    const gmItem = await heldBy('gradeToApprove', ['gm']);
    // The GM's item calls the approval, not the review the VP and the CFO sign.
    expect(gmItem?.approval?.approve.path).toBe(`${base}/grade-proposals/p-1/approval`);
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
    expect(item?.approval).toMatchObject({
      rule: 'CRD-32',
      basis: { grade: 'A', grantType: 'long_term', limitFen: 50_000, termDays: 30 },
      approve: { path: `${base}/grants/g-1/approvals` },
    });
    await api.post(`${base}/grants/g-1/approvals`, 'marketing_vp').expect(201);
    await api.post(`${base}/grants/g-1/approvals`, 'cfo').expect(201);
    await heldBy('grantToApprove', ['gm']);
    await api.post(`${base}/grants/g-1/approvals`, 'gm').expect(201);
    const secondStage = await heldBy('grantToApprove', ['gm', 'chairman']);
    expect(secondStage?.approval?.rule).toBe('CRD-37');
    await api.post(`${base}/grants/g-1/approvals`, 'gm').expect(201);
    await heldBy('grantToApprove', ['chairman']);
    await api.post(`${base}/grants/g-1/approvals`, 'chairman').expect(201);
    await heldBy('grantToApprove', []);
  });

  it('the reviews the limit brings stay out of the inbox until their day (review-reminders.int-spec)', async () => {
    const account = await api.get(base).expect(200);
    expect(Object.keys(account.body.reviewsDue as object).sort()).toEqual(['monthly', 'quarterly']);
    await t.app.get(EventPipeline).caughtUp();
    expect((await inbox('marketing_manager')).filter((i) => i.kind === 'reviewDue')).toEqual([]);
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
    const decide = await heldBy('holdToDecide', ['marketing_vp']);
    expect(decide).toMatchObject({
      category: 'approval',
      approval: {
        requestedBy: 'marketing_manager-1',
        rule: 'CRD-41',
        basis: { orderId: 'o-9', amountFen: 60_000, reasons: 'over_limit' },
        approve: { path: `${base}/holds/o-9/decision`, body: { release: true }, withReason: true },
        refuse: { path: `${base}/holds/o-9/decision`, body: { release: false }, withReason: true },
      },
    });
    const approvals = (await api.get('/work-items?category=approval', 'marketing_vp').expect(200)).body
      .items as WorkItemDto[];
    expect(approvals.map((i) => i.kind)).toContain('holdToDecide');
    const tasks = (await api.get('/work-items?category=task', 'marketing_vp').expect(200)).body
      .items as WorkItemDto[];
    expect(tasks.map((i) => i.kind)).not.toContain('holdToDecide');
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

  it('a refused adjustment leaves every approver inbox; only an approver of it may refuse', async () => {
    await api
      .post(`${base}/limit-adjustments`, 'marketing_manager', { adjustmentId: 'a-2', newLimitFen: 30_000 })
      .expect(201);
    await api.post(`${base}/limit-adjustments/a-2/approvals`, 'marketing_vp').expect(201);
    await heldBy('limitAdjustmentToApprove', ['gm', 'chairman']);
    const refusal = { subject: 'adjustment', subjectId: 'a-2', reason: 'exposure_too_high' };
    await api.post(`${base}/approval-refusals`, 'cfo', refusal).expect(403);
    await api.post(`${base}/approval-refusals`, 'gm', { ...refusal, subjectId: 'a-404' }).expect(409);
    await api.post(`${base}/approval-refusals`, 'gm', refusal).expect(201);
    await heldBy('limitAdjustmentToApprove', []);
    const account = await api.get(base).expect(200);
    expect(account.body).toMatchObject({ pendingAdjustment: null, limitFen: 40_000 });
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
