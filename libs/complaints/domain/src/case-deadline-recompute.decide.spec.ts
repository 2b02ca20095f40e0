import type { CaseCommand, ComputedDeadline } from './case.commands';
import { caseDecider } from './case.decide';
import type { CaseEvent } from './case.events';
import { specFor } from '@crm/decider-testing';
import { approved, CASE_ID, ctx, NOW, receiver, registered } from './testing/case-fixtures';

const spec = specFor(caseDecider);

// Registered Wed 30 Dec 2026 10:00 Shanghai; provisional deadline Tue 5 Jan 2027 10:00 (2027 not adopted).
const PROVISIONAL = {
  calendarVersion: 'v1',
  calendarIncomplete: true,
  missingYears: [2027],
  provisional: true,
};
const ADOPTED = { calendarVersion: 'v2', calendarIncomplete: false, missingYears: [], provisional: false };
const FROM = '2026-12-30T02:00:00.000Z';
const DUE = '2027-01-05T02:00:00.000Z';

const provisionalCase = (): CaseEvent[] => [
  registered({ deadline: undefined })[0] as CaseEvent,
  {
    type: 'CaseDeadlineSet',
    data: {
      caseId: CASE_ID,
      dueAt: DUE,
      warnAt: '2027-01-04T07:00:00.000Z',
      basis: 'working_days',
      amount: 3,
      from: FROM,
      extension: false,
      rule: 'CMP-SLA-03',
      policyVersion: 'v1',
      calendar: PROVISIONAL,
    },
  },
];

// The adopted notice (a test fixture) gives Mon 4 Jan off as well: the deadline moves a working day later.
const moved: ComputedDeadline = {
  dueAt: '2027-01-06T02:00:00.000Z',
  warnAt: '2027-01-05T07:00:00.000Z',
  calendar: ADOPTED,
};
const recompute = (deadline: ComputedDeadline): CaseCommand => ({
  type: 'RecomputeDeadline',
  data: { deadline },
});
const onAdoption = ctx(receiver, { now: new Date('2027-01-03T02:00:00Z') });

describe('deadlines recomputed on a newly adopted calendar (domain §4.5)', () => {
  it('an open case gets the new deadline, recording both calendar versions', () => {
    spec
      .given(provisionalCase())
      .when(recompute(moved), onAdoption)
      .then([
        {
          type: 'CaseDeadlineRecomputed',
          data: {
            caseId: CASE_ID,
            previousDueAt: DUE,
            dueAt: moved.dueAt,
            warnAt: moved.warnAt,
            from: FROM,
            reason: 'calendar_adopted',
            previousCalendar: PROVISIONAL,
            calendar: ADOPTED,
          },
        },
      ]);
    const after = spec.given([
      ...provisionalCase(),
      ...spec.given(provisionalCase()).when(recompute(moved), onAdoption).events(),
    ]).state;
    expect(after).toMatchObject({ dueAt: moved.dueAt, deadline: { from: FROM, calendar: ADOPTED } });
  });

  it('an adopted calendar that confirms the instant still records that it is no longer provisional; again: nothing', () => {
    const confirmed: ComputedDeadline = { ...moved, dueAt: DUE };
    const first = spec.given(provisionalCase()).when(recompute(confirmed), onAdoption).events();
    expect(first).toEqual([expect.objectContaining({ type: 'CaseDeadlineRecomputed' })]);
    spec
      .given([...provisionalCase(), ...first])
      .when(recompute(confirmed), onAdoption)
      .then([]);
  });

  it('a resolved, or an inquiry (clock hours), or an overdue case keeps its deadline', () => {
    spec
      .given(
        registered({ kind: 'inquiry' }).map((e) =>
          e.type === 'CaseDeadlineSet' ? { ...e, data: { ...e.data, basis: 'hours' as const } } : e,
        ),
      )
      .when(recompute(moved), onAdoption)
      .then([]);
    const replied: CaseEvent = {
      type: 'CustomerReplied',
      data: { caseId: CASE_ID, itemIds: [], message: 'm', repliedAt: NOW.toISOString() },
    };
    spec
      .given([...approved(), replied])
      .when(recompute(moved), onAdoption)
      .then([]);
    const overdue: CaseEvent = {
      type: 'CaseOverdue',
      data: { caseId: CASE_ID, caseNumber: '2612-0001', customerId: 'cust-1', dueAt: DUE, detectedAt: DUE },
    };
    spec
      .given([...provisionalCase(), overdue])
      .when(recompute(moved), onAdoption)
      .then([]);
  });
});

describe('the overdue timer re-checks the deadline on the calendar in force when it fires', () => {
  const firing = ctx(receiver, { now: new Date('2027-01-05T02:00:05Z') });
  const markOverdue = (recheck?: ComputedDeadline): CaseCommand => ({
    type: 'MarkOverdue',
    data: { deadlineDueAt: DUE, ...(recheck !== undefined ? { recheck } : {}) },
  });

  it('a deadline the adopted calendar moved later: recomputed, no overdue, no fine', () => {
    spec
      .given(provisionalCase())
      .when(markOverdue(moved), firing)
      .then([
        {
          type: 'CaseDeadlineRecomputed',
          data: expect.objectContaining({ dueAt: moved.dueAt, reason: 'overdue_recheck', calendar: ADOPTED }),
        },
      ]);
  });

  it('a deadline the calendar in force confirms: overdue and fined as before', () => {
    const events = spec
      .given(provisionalCase())
      .when(markOverdue({ ...moved, dueAt: DUE }), firing)
      .events();
    expect(events.map((e) => e.type)).toEqual([
      'CaseOverdue',
      'OverdueReminderIssued',
      'FineIssued',
      'FineIssued',
      'CustomerTransferRequested',
    ]);
  });
});
