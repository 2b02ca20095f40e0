import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decide';
import type { CaseEvent } from './case.events';
import { specFor } from '@crm/decider-testing';
import {
  approved,
  CASE_ID,
  concerned,
  csManager,
  ctx,
  handler,
  receiver,
  registered,
  registerCommand,
} from './testing/case-fixtures';

const spec = specFor(caseDecider);
const DUE = '2025-10-11T02:00:00.000Z';
const overdue: CaseCommand = { type: 'MarkOverdue', data: { deadlineDueAt: DUE } };
const later = ctx(receiver, { now: new Date('2025-10-11T02:00:05Z') });
const extended = {
  dueAt: '2025-10-17T02:00:00.000Z',
  warnAt: '2025-10-16T07:00:00.000Z',
  calendar: { calendarVersion: 'v1', calendarIncomplete: false, missingYears: [] },
};

describe('deadlines, overdue and penalties (domain §4.5–4.7)', () => {
  it('an unresolved complaint past its deadline: overdue, reminder, 500 yuan each, one transfer request (CMP-32)', () => {
    const events = spec.given(registered()).when(overdue, later).events();
    expect(events.map((e) => e.type)).toEqual([
      'CaseOverdue',
      'OverdueReminderIssued',
      'FineIssued',
      'FineIssued',
      'CustomerTransferRequested',
    ]);
    expect(events.filter((e) => e.type === 'FineIssued').map((e) => e.data)).toEqual([
      expect.objectContaining({
        payee: { role: 'bu_manager', bu: 'bu-1' },
        amountFen: 50_000,
        rule: 'CMP-32',
        policyVersion: 'v1',
      }),
      expect.objectContaining({
        payee: { role: 'employee', bu: 'bu-1', employeeId: concerned.id },
        amountFen: 50_000,
        rule: 'CMP-32',
      }),
    ]);
    expect(events[4]?.data).toMatchObject({
      caseId: CASE_ID,
      customerId: 'cust-1',
      fromBu: 'bu-1',
      employeeId: concerned.id,
      rule: 'CMP-32',
    });
  });

  it('a timer that fires again decides nothing new', () => {
    const first = spec.given(registered()).when(overdue, later).events();
    spec
      .given([...registered(), ...first])
      .when(overdue, later)
      .then([]);
  });

  it('reminders repeat while the overdue case stays unresolved, and stop once it is answered', () => {
    const first = spec.given(registered()).when(overdue, later).events();
    expect(first[1]?.data).toMatchObject({ dueAt: DUE, sequence: 1, rule: 'CMP-OVD-03' });
    const remind: CaseCommand = { type: 'RemindOverdue', data: { deadlineDueAt: DUE, sequence: 2 } };
    spec
      .given([...registered(), ...first])
      .when(remind, later)
      .thenIncludes([{ type: 'OverdueReminderIssued', data: expect.objectContaining({ sequence: 2 }) }]);
    spec.given(registered()).when(remind, later).then([]); // never overdue: nothing to remind of
    const answered: CaseEvent[] = [
      ...registered(),
      ...first,
      ...approved().slice(-2),
      { type: 'CustomerReplied', data: { caseId: CASE_ID, itemIds: [], message: 'm', repliedAt: 'x' } },
    ];
    spec.given(answered).when(remind, later).then([]);
  });

  it('an inquiry past its deadline is overdue with a reminder but no fine and no transfer', () => {
    const inquiry = registered({ kind: 'inquiry' });
    expect(
      spec
        .given(inquiry)
        .when(overdue, later)
        .events()
        .map((e) => e.type),
    ).toEqual(['CaseOverdue', 'OverdueReminderIssued']);
  });

  it('a case replied before the deadline is not overdue; nor is a timer for a deadline that moved', () => {
    const repliedInTime: CaseEvent[] = [
      ...approved(),
      {
        type: 'CustomerReplied',
        data: { caseId: CASE_ID, itemIds: ['i-1'], message: 'm', repliedAt: '2025-10-09T02:00:00.000Z' },
      },
    ];
    spec.given(repliedInTime).when(overdue, later).then([]);
    const moved = spec
      .given(registered())
      .when({ type: 'ExtendDeadline', data: { deadline: extended } }, ctx(csManager))
      .events();
    spec
      .given([...registered(), ...moved])
      .when(overdue, later)
      .then([]);
  });

  it('fines stack by default; with stack=false a grievance pays 500 in total, not 600 (A8 as policy)', () => {
    const registration = spec
      .given([])
      .when(registerCommand({ kind: 'grievance' }), ctx())
      .events();
    const stacked = spec
      .given(registration)
      .when(overdue, later)
      .events()
      .filter((e) => e.type === 'FineIssued');
    expect(stacked.map((f) => (f.data as { amountFen: number }).amountFen)).toEqual([50_000, 50_000]);
    const noStack = ctx(receiver, {
      now: later.now,
      policy: {
        fines: { overdueFen: 50_000, grievanceFen: 10_000, executiveComplaintFen: 10_000, stack: false },
      },
    });
    const topped = spec
      .given(registration)
      .when(overdue, noStack)
      .events()
      .filter((e) => e.type === 'FineIssued');
    expect(topped.map((f) => f.data)).toEqual([
      expect.objectContaining({ payee: { role: 'bu_manager', bu: 'bu-1' }, amountFen: 50_000 }),
      expect.objectContaining({ payee: expect.objectContaining({ role: 'employee' }), amountFen: 40_000 }),
    ]);
  });

  describe('one extension to 7 working days, approved by a cs_manager (CMP-SLA-03)', () => {
    const extend: CaseCommand = { type: 'ExtendDeadline', data: { deadline: extended } };
    it('records the new deadline with the calendar and who approved', () => {
      spec
        .given(registered())
        .when(extend, ctx(csManager))
        .then([
          {
            type: 'CaseDeadlineSet',
            data: {
              caseId: CASE_ID,
              dueAt: extended.dueAt,
              warnAt: extended.warnAt,
              basis: 'working_days',
              amount: 7,
              from: '2025-09-30T02:00:00.000Z',
              extension: true,
              approvedBy: csManager.id,
              rule: 'CMP-SLA-03',
              policyVersion: 'v1',
              calendar: extended.calendar,
            },
          },
        ]);
    });

    it('only once, only by a cs_manager, only for complaints and grievances', () => {
      const once = spec.given(registered()).when(extend, ctx(csManager)).events();
      spec
        .given([...registered(), ...once])
        .when(extend, ctx(csManager))
        .thenRefused({ code: 'case.extension_used', rule: 'CMP-SLA-03' });
      spec
        .given(registered())
        .when(extend, ctx(handler))
        .thenRefused({ kind: 'forbidden', rule: 'CMP-SLA-03' });
      const overdueEvents = spec.given(registered()).when(overdue, later).events();
      spec
        .given([...registered(), ...overdueEvents])
        .when(extend, ctx(csManager))
        .thenRefused({ code: 'case.extension_too_late', rule: 'CMP-SLA-03' });
      spec
        .given(registered({ kind: 'inquiry' }))
        .when(extend, ctx(csManager))
        .thenRefused({ code: 'case.extension_not_applicable' });
    });
  });

  it('warns the handler before the deadline unless the case is already resolved', () => {
    spec
      .given(registered())
      .when({ type: 'WarnDeadline', data: { deadlineDueAt: DUE } }, later)
      .then([
        { type: 'DeadlineWarningIssued', data: { caseId: CASE_ID, dueAt: DUE, notify: [receiver.id] } },
      ]);
  });
});
