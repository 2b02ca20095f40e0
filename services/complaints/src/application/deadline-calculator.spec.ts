import { InMemoryEventStore } from '@crm/event-store';
import { DEFAULT_COMPLAINTS_POLICY } from '@crm/complaints-domain';
import { PolicyRegistry, seedPolicyDocuments } from '@crm/policy';
import { COMPLAINTS_POLICIES } from '../policy/complaints-policies';
import { DeadlineCalculator } from './deadline-calculator';

const shanghai = (local: string): Date => new Date(`${local}+08:00`);
const iso = (local: string): string => shanghai(local).toISOString();
const policy = DEFAULT_COMPLAINTS_POLICY;

describe('deadlines on real calendar dates (policy v1, calendar v1)', () => {
  let deadlines: DeadlineCalculator;

  beforeAll(async () => {
    const registry = new PolicyRegistry(new InMemoryEventStore());
    await seedPolicyDocuments(registry, COMPLAINTS_POLICIES);
    deadlines = new DeadlineCalculator(registry);
  });

  it('a complaint registered on the last working day before National Day 2025', async () => {
    expect(await deadlines.initial('complaint', shanghai('2025-09-30T10:00:00'), policy)).toEqual({
      dueAt: iso('2025-10-11T10:00:00'), // the make-up Saturday after the 8-day holiday
      warnAt: iso('2025-10-10T15:00:00'), // 4 working hours before
      calendar: { calendarVersion: 'v1', calendarIncomplete: false, missingYears: [], provisional: false },
    });
  });

  it('a grievance registered on the make-up Saturday after Spring Festival 2026', async () => {
    expect(await deadlines.initial('grievance', shanghai('2026-02-28T11:00:00'), policy)).toMatchObject({
      dueAt: iso('2026-03-04T11:00:00'),
      warnAt: iso('2026-03-03T16:00:00'),
    });
  });

  it('an inquiry: 24 clock hours; its warning 4 working hours before', async () => {
    expect(await deadlines.initial('inquiry', shanghai('2025-09-30T10:00:00'), policy)).toMatchObject({
      dueAt: iso('2025-10-01T10:00:00'),
      warnAt: iso('2025-09-30T14:00:00'),
    });
  });

  it('the extension counts 7 working days from registration', async () => {
    const registered = shanghai('2025-09-30T10:00:00');
    expect(await deadlines.extended(registered, shanghai('2025-10-09T10:00:00'), policy)).toMatchObject({
      dueAt: iso('2025-10-16T10:00:00'),
    });
  });

  it('a deadline running into 2027 (no notice yet) counts the statutory holidays and is provisional', async () => {
    expect(await deadlines.initial('complaint', shanghai('2026-12-30T10:00:00'), policy)).toEqual({
      dueAt: iso('2027-01-05T10:00:00'),
      warnAt: iso('2027-01-04T15:00:00'), // 1 Jan 2027 (元旦) is a statutory holiday
      calendar: { calendarVersion: 'v1', calendarIncomplete: true, missingYears: [2027], provisional: true },
    });
  });
});
