import { DomainError } from '@crm/event-sourcing';
import { InMemoryEventStore } from '@crm/event-store';
import { PolicyRegistry } from '../policy-registry';
import { seedPolicyDocuments } from '../default-policies';
import type { PolicyDocument } from '../policy-document';
import { defaultWorkingCalendarDocument, WORKING_CALENDAR_POLICY } from './default-calendar';
import { WorkingCalendars } from './working-calendars';

const ctx = {
  actor: { id: 'u-admin', role: 'admin' },
  now: new Date('2026-01-01T00:00:00Z'),
  commandId: 'c-1',
  correlationId: 'c-1',
};

describe('WorkingCalendars', () => {
  it('answers the version in force at the instant, and the same instance for the same version', async () => {
    const registry = new PolicyRegistry(new InMemoryEventStore(), { maxCacheAgeMs: 0 });
    await seedPolicyDocuments(registry, [defaultWorkingCalendarDocument as unknown as PolicyDocument]);
    const calendars = new WorkingCalendars(registry);
    const first = await calendars.at(new Date('2025-09-30T02:00:00Z'));
    expect(first.version).toBe(defaultWorkingCalendarDocument.version);
    expect(await calendars.at(new Date('2026-03-01T02:00:00Z'))).toBe(first);
    // Five working days from Tuesday 30 Sep 2025 cross the National Day holiday (1–8 Oct, 11 Oct worked).
    expect(first.addWorkingDays(new Date('2025-09-30T02:00:00Z'), 5).at.toISOString()).toBe(
      '2025-10-14T02:00:00.000Z',
    );
  });

  it('refuses an unusable version in force as a named conflict', async () => {
    const registry = new PolicyRegistry(new InMemoryEventStore(), { maxCacheAgeMs: 0 });
    await registry.adopt(
      {
        policyId: WORKING_CALENDAR_POLICY,
        version: 'v9',
        effectiveFrom: '2025-01-01T00:00:00Z',
        params: { workdays: 'not a list' },
      },
      ctx,
    );
    const refusal = await new WorkingCalendars(registry).at(new Date('2025-06-01T00:00:00Z')).catch((e) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'policy.unusable' });
  });
});
