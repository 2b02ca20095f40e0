import { eventually } from '@crm/testing';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';
import { CaseCommandHandler } from './case-command.handler';
import { RegisterCaseHandler, type RegisterCaseInput } from './register-case.handler';

jest.setTimeout(120_000);

const input = (n: number): RegisterCaseInput => ({
  kind: 'complaint',
  channel: 'hotline',
  customerId: `cust-${n}`,
  subject: `subject ${n}`,
  description: 'late delivery',
  concernedEmployeeId: 'emp-9',
  concernedBu: 'bu-1',
});

describe('registration on real PostgreSQL: numbers under concurrency, automatic severity', () => {
  let t: ComplaintsTestApp;
  let handler: RegisterCaseHandler;
  const ctx = () => t.ctx();

  beforeAll(async () => {
    t = await startComplaintsTestApp('2025-09-30T02:00:00Z');
    handler = t.app.get(RegisterCaseHandler);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('50 concurrent registrations get 2509-0001..0050: no gap, no duplicate', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => handler.handle(input(i), ctx())));
    const numbers = results.map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `2509-${String(i + 1).padStart(4, '0')}`));
    expect(new Set(results.map((r) => r.caseId)).size).toBe(50);
  });

  it('a refused registration returns its serial (no gap); a new month starts again at 0001', async () => {
    await expect(handler.handle({ ...input(99), subject: '   ' }, ctx())).rejects.toMatchObject({
      code: 'case.field_required',
    });
    expect((await handler.handle(input(100), ctx())).number).toBe('2509-0051');
    t.clock.set('2025-09-30T16:30:00Z'); // 1 Oct 00:30 in Shanghai
    expect((await handler.handle(input(101), ctx())).number).toBe('2510-0001');
  });

  it('the third distinct customer on one subject within 7 days makes the case major; so does a repeat', async () => {
    const cases = t.app.get(CaseCommandHandler);
    const severityOf = async (caseId: string) => {
      const state = await cases.load(caseId);
      return state.status === 'none' ? undefined : state.severity;
    };
    const on = (customerId: string) => ({ ...input(0), customerId, subject: '  Broken  LIFT ' });
    t.clock.set('2025-10-02T02:00:00Z');
    const first = await handler.handle(on('c-a'), ctx());
    t.clock.set('2025-10-05T02:00:00Z');
    const second = await handler.handle(on('c-b'), ctx());
    t.clock.set('2025-10-08T02:00:00Z');
    const third = await handler.handle({ ...on('c-c'), subject: 'broken lift' }, ctx());
    expect(await severityOf(third.caseId)).toBe('major');
    // The cluster's earlier cases follow through a durable timer due at once.
    await eventually(
      async () =>
        (await severityOf(first.caseId)) === 'major' && (await severityOf(second.caseId)) === 'major'
          ? true
          : undefined,
      'the earlier cases of the cluster raised to major',
    );
    t.clock.set('2025-12-20T02:00:00Z'); // outside the 7-day cluster window, inside the 90-day repeat window
    const repeat = await handler.handle(on('c-a'), ctx());
    const other = await handler.handle(on('c-z'), ctx());
    expect([await severityOf(repeat.caseId), await severityOf(other.caseId)]).toEqual(['major', 'general']);
  });
});
