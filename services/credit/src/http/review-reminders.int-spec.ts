import { Kafka, logLevel } from 'kafkajs';
import type { WorkItemDto } from '@crm/nest';
import { eventually } from '@crm/testing';
import { startCreditTestApp, TEST_NOW, type CreditTestApp } from '../testing/credit-test-app';
import {
  creditApi,
  creditWorthyAccount,
  seenStatuses,
  setPortfolioCap,
  type CreditApi,
} from '../testing/credit-flow';

jest.setTimeout(120_000);

/**
 * CRD-50 on the test clock: the limit takes effect on 2026-07-15 10:00 Shanghai, so the monthly
 * review falls on 2026-08-15 (Shanghai) and the quarterly one on 2026-10-15.
 */
describe('credit review reminders (real PostgreSQL + Kafka, durable timers, test clock)', () => {
  let t: CreditTestApp;
  let api: CreditApi;
  const base = '/credit-accounts/acc-rev';
  const seen: { type: string; data: Record<string, unknown> }[] = [];
  let stopReading: () => Promise<void> = async () => undefined;

  const reviewItems = async (role: string): Promise<WorkItemDto[]> =>
    ((await api.get('/work-items', role).expect(200)).body.items as WorkItemDto[]).filter(
      (i) => i.titleParams['accountId'] === 'acc-rev' && i.kind.startsWith('review'),
    );
  const streamTypes = async (): Promise<string[]> => {
    const res = await api.get('/audit/streams/credit-account-acc-rev').expect(200);
    return ((res.body.events ?? res.body) as { type: string }[]).map((e) => e.type);
  };

  beforeAll(async () => {
    t = await startCreditTestApp();
    api = await creditApi(t);
    await setPortfolioCap(api, 1_000_000_000);
    await creditWorthyAccount(api, 'acc-rev', 100_000);
    const consumer = new Kafka({
      clientId: `credit-review-reader-${t.config.SCHEMA}`,
      brokers: t.config.kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).consumer({ groupId: `credit-review-reader-${t.config.SCHEMA}` });
    await consumer.connect();
    await consumer.subscribe({ topic: t.config.CREDIT_TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(JSON.parse(message.value?.toString() ?? '{}') as (typeof seen)[number]);
      },
    });
    stopReading = () => consumer.disconnect();
  });

  afterAll(async () => {
    await stopReading();
    t?.clock.set(TEST_NOW);
    await t?.close();
    expect(seenStatuses.filter((s) => s >= 500)).toEqual([]);
  });

  it('before its day a review is no one’s work and nothing is published', async () => {
    t.clock.set('2026-08-14T15:59:00.000Z'); // 23:59 on 14 August in Shanghai
    const account = await api.get(base).expect(200);
    expect(account.body.reviewsDue.monthly).toBe('2026-08-15T02:00:00.000Z');
    expect(account.body.reviewsOverdue).toEqual({});
    expect(await reviewItems('marketing_manager')).toEqual([]);
    expect(await streamTypes()).not.toContain('CreditReviewFellDue');
  });

  it('on its day the review is the marketing manager’s work item and CreditReviewDue goes out', async () => {
    t.clock.set('2026-08-14T16:00:00.000Z'); // 00:00 on 15 August in Shanghai
    const [item] = await eventually(async () => {
      const items = await reviewItems('marketing_manager');
      return items.length === 1 ? items : undefined;
    }, 'the monthly review in the inbox');
    expect(item).toMatchObject({
      kind: 'reviewDue',
      category: 'task',
      titleParams: { accountId: 'acc-rev', period: 'monthly', dueOn: '2026-08-15' },
      dueAt: '2026-08-15T16:00:00.000Z',
      priority: 'normal',
      link: '/credit/accounts/acc-rev',
    });
    expect(await reviewItems('cfo')).toEqual([]);
    const published = await eventually(
      async () => seen.find((e) => e.type === 'CreditReviewDue' && e.data['accountId'] === 'acc-rev'),
      'CreditReviewDue on the credit topic',
    );
    expect(published.data).toEqual({
      accountId: 'acc-rev',
      customerId: 'acc-rev',
      reviewKind: 'monthly',
      dueOn: '2026-08-15',
      bu: null,
    });
  });

  it('not done by the end of its day, the review is flagged overdue on the account and in the inbox', async () => {
    t.clock.set('2026-08-15T16:00:01.000Z'); // just after midnight, 16 August in Shanghai
    const [item] = await eventually(async () => {
      const items = (await reviewItems('marketing_manager')).filter((i) => i.kind === 'reviewOverdue');
      return items.length === 1 ? items : undefined;
    }, 'the review marked overdue');
    expect(item).toMatchObject({
      titleKey: 'workItems.credit.reviewOverdue',
      priority: 'high',
      titleParams: { period: 'monthly' },
    });
    const account = await api.get(base).expect(200);
    expect(account.body.reviewsOverdue).toEqual({ monthly: '2026-08-15T02:00:00.000Z' });
    const list = await api.get('/credit-accounts?overdue=true', 'marketing_manager').expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ accountId: 'acc-rev', reviewsOverdue: ['monthly'], limitFen: 100_000 }),
    ]);
    const types = await streamTypes();
    expect(types.filter((x) => x === 'CreditReviewOverdue')).toHaveLength(1);
    expect(types.filter((x) => x === 'CreditReviewFellDue')).toHaveLength(1);
  });

  it('the evaluation clears the flag, removes the item and sets the next monthly review', async () => {
    await api
      .post(`${base}/reviews`, 'marketing_manager', { period: 'monthly', evaluation: 'paying on time' })
      .expect(201);
    await eventually(
      async () => ((await reviewItems('marketing_manager')).length === 0 ? true : undefined),
      'the review gone from the inbox',
    );
    const account = await api.get(base).expect(200);
    expect(account.body.reviewsOverdue).toEqual({});
    expect(account.body.reviewsDue.monthly).toBe('2026-09-15T16:00:01.000Z');
    const list = await api.get('/credit-accounts?overdue=true', 'marketing_manager').expect(200);
    expect(list.body.items).toEqual([]);
  });
});
