import { FINE_ISSUED_CONTRACT, parseFineIssuedContract } from '@crm/penalties-contracts';
import { randomUUID } from 'node:crypto';
import {
  COMPLAINT_CASE_REGISTERED,
  CUSTOMER_TRANSFER_REQUESTED,
  parseCustomerTransferRequestedV1,
} from '@crm/complaints-contracts';
import { deterministicUuid } from '@crm/event-sourcing';
import { EventPipeline, TimerHandlers } from '@crm/nest';
import { DurableTimers } from '@crm/policy';
import { eventually } from '@crm/testing';
import { ComplaintsReadModels } from '../projections/complaints-read-models';
import { startComplaintsTestApp, type ComplaintsTestApp } from '../testing/complaints-test-app';
import { CaseCommandHandler } from './case-command.handler';
import { CaseQueries } from './case-queries';
import { DUE_TIMER } from './deadline-timers';
import { RegisterCaseHandler } from './register-case.handler';

jest.setTimeout(120_000);

describe('an overdue complaint (real PostgreSQL + Kafka)', () => {
  let t: ComplaintsTestApp;
  const ctx = () => t.ctx();

  beforeAll(async () => {
    // Tue 30 Sep 2025 10:00 Shanghai: the last working day before National Day.
    t = await startComplaintsTestApp('2025-09-30T02:00:00Z');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('fines 500 yuan each and publishes exactly one transfer request, although the timer fires twice', async () => {
    const customerId = `cust-${randomUUID()}`;
    const registration = t.app.get(RegisterCaseHandler);
    const { caseId, number } = await registration.handle(
      {
        kind: 'complaint',
        channel: 'hotline',
        customerId,
        subject: 'installation never happened',
        description: 'waited all day',
        concernedEmployeeId: 'emp-9',
        concernedBu: 'bu-1',
      },
      ctx(),
    );
    // Deadline on the calendar: 3 working days over the 8-day holiday → Sat 11 Oct 10:00 (make-up day).
    const dueAt = '2025-10-11T02:00:00.000Z';
    const timerId = deterministicUuid('case-deadline', caseId, dueAt, 'due');
    expect(await t.app.get(DurableTimers).get(timerId)).toMatchObject({
      kind: DUE_TIMER,
      status: 'scheduled',
    });

    // Fri 10 Oct 15:00: 4 working hours before the deadline, the handler is warned.
    t.clock.set('2025-10-10T07:00:00Z');
    await eventually(
      async () =>
        (await t.app.get(CaseQueries).explain(caseId)).decisions.find(
          (d) => d.type === 'DeadlineWarningIssued',
        ),
      'the deadline warning',
    );
    t.clock.set('2025-10-11T02:30:00Z');
    const cases = t.app.get(CaseCommandHandler);
    await eventually(async () => {
      const state = await cases.load(caseId);
      return state.status !== 'none' && state.transferRequested ? state : undefined;
    }, 'the timer runner marks the case overdue');
    // At-least-once firing: the same timer delivered again, twice more, changes nothing.
    const timer = await t.app.get(DurableTimers).get(timerId);
    const handlers = t.app.get(TimerHandlers);
    const redelivered = { ...timer!, lease: new Date() };
    await Promise.all([handlers.dispatch(redelivered), handlers.dispatch(redelivered)]);

    // A later event for the same customer (same partition) marks the end of what we wait for.
    const marker = await registration.handle(
      {
        kind: 'inquiry',
        channel: 'web',
        customerId,
        subject: 'opening hours',
        description: '',
        concernedEmployeeId: 'emp-9',
        concernedBu: 'bu-1',
      },
      ctx(),
    );
    await eventually(
      async () =>
        t.published.find((e) => e.type === COMPLAINT_CASE_REGISTERED && e.data['caseId'] === marker.caseId),
      'the marker on the topic',
    );
    const forCase = t.published.filter((e) => e.data['caseId'] === caseId);
    const transfers = forCase.filter((e) => e.type === CUSTOMER_TRANSFER_REQUESTED);
    expect(transfers).toHaveLength(1);
    expect(parseCustomerTransferRequestedV1(transfers[0]?.data)).toMatchObject({
      caseId,
      caseNumber: number,
      customerId,
      fromBu: 'bu-1',
      employeeId: 'emp-9',
      rule: 'CMP-32',
      policyVersion: 1,
    });
    expect(transfers[0]?.aggregateId).toBe(customerId);
    // The public fine names its case by number and link, not by a caseId field.
    const fines = t.published
      .filter((e) => e.type === FINE_ISSUED_CONTRACT)
      .map((e) => parseFineIssuedContract(e.data))
      .filter((f) => f.cause.link === `/api/complaints/cases/${caseId}`);
    expect(
      fines.map((f) => [f.payee.post ?? f.payee.employeeId, f.amountFen, f.rule, f.policyVersion]).sort(),
    ).toEqual([
      ['bu_manager', 50_000, 'CMP-32', 'v1'],
      ['emp-9', 50_000, 'CMP-32', 'v1'],
    ]);
    // The penalty ledger read model holds the two fines once each.
    await t.app.get(EventPipeline).caughtUp();
    const ledger = await t.app.get(ComplaintsReadModels).penaltyLedger({ bu: 'bu-1' });
    expect(
      ledger.filter((row) => row['case_id'] === caseId).map((row) => [row['payee_role'], row['amount_fen']]),
    ).toEqual(
      expect.arrayContaining([
        ['bu_manager', 50_000],
        ['employee', 50_000],
      ]),
    );
    expect(ledger.filter((row) => row['case_id'] === caseId)).toHaveLength(2);
    const overdue = await t.app.get(ComplaintsReadModels).openCases(t.clock.now(), true);
    expect(overdue.map((row) => row['case_id'])).toContain(caseId);

    // Reminders repeat one working day apart from the deadline: Sat 11 Oct 10:00 (make-up day)
    // + 9 working hours, Sunday off → Mon 13 Oct 10:00.
    const reminders = async () =>
      (await t.app.get(CaseQueries).explain(caseId)).decisions
        .filter((d) => d.type === 'OverdueReminderIssued')
        .map((d) => d.data['sequence']);
    expect(await reminders()).toEqual([1]);
    const next = deterministicUuid('case-reminder', caseId, dueAt, '2');
    expect(await t.app.get(DurableTimers).get(next)).toMatchObject({
      status: 'scheduled',
      dueAt: new Date('2025-10-13T02:00:00.000Z'),
    });
    t.clock.set('2025-10-13T02:01:00Z');
    await eventually(
      async () => ((await reminders()).length === 2 ? true : undefined),
      'the second reminder',
    );
    expect(await reminders()).toEqual([1, 2]);
  });
});
