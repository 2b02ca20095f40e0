import { caseDecider } from './case.decide';
import { formatCaseNumber, numberingMonth } from './case-number';
import { specFor } from '@crm/decider-testing';
import { CASE_ID, concerned, ctx, NOW, receiver, registerCommand, registered } from './testing/case-fixtures';

const spec = specFor(caseDecider);

describe('registering a case (domain §4.1–4.2, §4.4, §4.7)', () => {
  it('records the case, its deadline with the calendar used, and a general severity; the receiver is accountable', () => {
    const events = spec.given([]).when(registerCommand(), ctx()).events();
    expect(events.map((e) => e.type)).toEqual(['CaseRegistered', 'CaseDeadlineSet', 'SeverityAssessed']);
    expect(events[0]?.data).toMatchObject({
      caseId: CASE_ID,
      number: '2509-0001',
      receiverId: receiver.id,
      receiverBu: 'bu-cs',
      registeredAt: NOW.toISOString(),
    });
    expect(events[1]?.data).toMatchObject({
      dueAt: '2025-10-11T02:00:00.000Z',
      basis: 'working_days',
      amount: 3,
      rule: 'CMP-SLA-03',
      policyVersion: 'v1',
      calendar: { calendarVersion: 'v1', calendarIncomplete: false },
    });
    expect(events[2]?.data).toMatchObject({ severity: 'general', source: 'default' });
  });

  it('an inquiry is due in 24 hours (CMP-SLA-01)', () => {
    const events = spec
      .given([])
      .when(registerCommand({ kind: 'inquiry', deadline: { dueAt: '2025-10-01T02:00:00.000Z' } }), ctx())
      .events();
    expect(events[1]?.data).toMatchObject({ basis: 'hours', amount: 24, rule: 'CMP-SLA-01' });
  });

  it('a suggestion is due by the promised date, which it must have (CMP-SLA-02)', () => {
    spec
      .given([])
      .when(registerCommand({ kind: 'suggestion' }), ctx())
      .thenRefused({ kind: 'invalid', code: 'case.promised_date_required', rule: 'CMP-SLA-02' });
    const events = spec
      .given([])
      .when(registerCommand({ kind: 'suggestion', promisedBy: '2025-10-20T10:00:00+08:00' }), ctx())
      .events();
    expect(events[1]?.data).toMatchObject({ basis: 'promised_date', dueAt: '2025-10-20T02:00:00.000Z' });
  });

  it('a case registered twice is a conflict', () => {
    spec.given(registered()).when(registerCommand(), ctx()).thenRefused({ kind: 'conflict' });
  });

  it('an empty subject is refused as invalid input', () => {
    spec
      .given([])
      .when(registerCommand({ subject: '  ' }), ctx())
      .thenRefused({ code: 'case.field_required' });
  });

  it('manual major severity notifies the BU manager and the GM at once', () => {
    spec
      .given([])
      .when(registerCommand({ severity: 'major' }), ctx())
      .thenIncludes([
        { type: 'SeverityAssessed', data: expect.objectContaining({ severity: 'major', source: 'manual' }) },
        {
          type: 'MajorCaseNotified',
          data: expect.objectContaining({ notify: [{ role: 'bu_manager', bu: 'bu-1' }, { role: 'gm' }] }),
        },
      ]);
  });

  it('becomes major automatically when 3 distinct customers raise one subject within 7 days', () => {
    const events = spec
      .given([])
      .when(
        registerCommand({ similar: { distinctCustomersOnSubject: 3, clusterCaseIds: ['a', 'b'] } }),
        ctx(),
      )
      .events();
    expect(events.find((e) => e.type === 'SeverityAssessed')?.data).toMatchObject({
      severity: 'major',
      source: 'auto_cluster',
      evidence: { distinctCustomers: 3, threshold: 3, windowDays: 7 },
    });
    expect(events.some((e) => e.type === 'MajorCaseNotified')).toBe(true);
  });

  it('two distinct customers are not a cluster; the policy threshold decides', () => {
    const similar = { distinctCustomersOnSubject: 2, clusterCaseIds: ['a'] };
    expect(
      spec
        .given([])
        .when(registerCommand({ similar }), ctx())
        .events()
        .find((e) => e.type === 'SeverityAssessed')?.data,
    ).toMatchObject({ severity: 'general' });
    const stricter = ctx(receiver, {
      policy: { severity: { clusterDistinctCustomers: 2, clusterWindowDays: 7, repeatWindowDays: 90 } },
    });
    expect(
      spec
        .given([])
        .when(registerCommand({ similar }), stricter)
        .events()
        .find((e) => e.type === 'SeverityAssessed')?.data,
    ).toMatchObject({ severity: 'major', source: 'auto_cluster' });
  });

  it('the earlier open cases of a completed cluster become major too, once', () => {
    const raise = {
      type: 'RaiseSeverity' as const,
      data: { triggeredBy: 'third', distinctCustomers: 3, caseIds: [CASE_ID, 'second'] },
    };
    const events = spec.given(registered()).when(raise, ctx()).events();
    expect(events.map((e) => e.type)).toEqual(['SeverityAssessed', 'MajorCaseNotified']);
    expect(events[0]?.data).toMatchObject({ severity: 'major', source: 'auto_cluster', rule: 'CMP-TAX-12' });
    spec
      .given([...registered(), ...events])
      .when(raise, ctx())
      .then([]);
  });

  it('becomes major automatically when the same customer complains again on the subject within 90 days', () => {
    const similar = { distinctCustomersOnSubject: 1, clusterCaseIds: [], repeatOfCaseId: 'earlier' };
    expect(
      spec
        .given([])
        .when(registerCommand({ similar }), ctx())
        .events()
        .find((e) => e.type === 'SeverityAssessed')?.data,
    ).toMatchObject({ severity: 'major', source: 'auto_repeat', evidence: { repeatOfCaseId: 'earlier' } });
  });

  it('a grievance found fines the employee concerned 100 yuan (CMP-30)', () => {
    const fines = spec
      .given([])
      .when(registerCommand({ kind: 'grievance' }), ctx())
      .events()
      .filter((e) => e.type === 'FineIssued');
    expect(fines.map((f) => f.data)).toEqual([
      expect.objectContaining({
        payee: { role: 'employee', bu: 'bu-1', employeeId: concerned.id },
        amountFen: 10_000,
        rule: 'CMP-30',
        policyVersion: 'v1',
      }),
    ]);
  });

  it('a complaint made to the GM fines the BU manager and the employee 100 yuan each (CMP-31)', () => {
    const fines = spec
      .given([])
      .when(registerCommand({ channel: 'executive' }), ctx(receiver, { policyVersion: 'v2' }))
      .events()
      .filter((e) => e.type === 'FineIssued');
    expect(fines.map((f) => f.data)).toEqual([
      expect.objectContaining({
        payee: { role: 'bu_manager', bu: 'bu-1' },
        amountFen: 10_000,
        rule: 'CMP-31',
        policyVersion: 'v2',
      }),
      expect.objectContaining({
        payee: expect.objectContaining({ role: 'employee' }),
        amountFen: 10_000,
        rule: 'CMP-31',
      }),
    ]);
  });
});

describe('case numbers YYMM-NNNN (CMP-NUM-01/02)', () => {
  it('takes the month in Asia/Shanghai and pads the serial', () => {
    expect(numberingMonth(new Date('2025-09-30T16:30:00Z'))).toBe('2510'); // 1 Oct 00:30 in Shanghai
    expect(formatCaseNumber('2510', 7, 4)).toBe('2510-0007');
  });

  it('refuses a serial that no longer fits instead of reusing or truncating a number', () => {
    expect(() => formatCaseNumber('2510', 10_000, 4)).toThrow(
      expect.objectContaining({ code: 'case.number_exhausted' }),
    );
  });
});
