import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@crm/event-sourcing';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';
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

describe('case numbers YYMM-NNNN under concurrency (real PostgreSQL)', () => {
  let t: ComplaintsTestApp;
  let handler: RegisterCaseHandler;
  const ctx = (): CommandContext => ({
    actor: { id: 'agent-1', role: 'cs_agent', bu: 'bu-cs' },
    now: t.clock.now(),
    commandId: randomUUID(),
    correlationId: randomUUID(),
  });

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
});
