import { DomainError } from '@crm/event-sourcing';
import { type Case, evolveCase, type OpenCase } from './case';
import type { RegisterCase } from './case.commands';
import type { CaseEvent, CaseRegistered, SeverityAssessed } from './case.events';
import { type CaseDecisionContext, requireText } from './case-context';
import type { Severity } from './case.vocabulary';
import { employeePayee, fine, managerPayee } from './fines';

const DEADLINE_RULE = {
  inquiry: 'CMP-SLA-01',
  suggestion: 'CMP-SLA-02',
  complaint: 'CMP-SLA-03',
  grievance: 'CMP-SLA-03',
};

/** Domain §4.4: manual, or automatic major for a cluster on one subject or a repeat by one customer. */
const assessSeverity = (command: RegisterCase, ctx: CaseDecisionContext): SeverityAssessed => {
  const { caseId, severity, similar } = command.data;
  const { clusterDistinctCustomers, clusterWindowDays, repeatWindowDays } = ctx.policy.severity;
  const assessed = (
    value: Severity,
    source: SeverityAssessed['data']['source'],
    rule?: string,
    evidence?: Record<string, unknown>,
  ): SeverityAssessed => ({
    type: 'SeverityAssessed',
    data: {
      caseId,
      severity: value,
      source,
      ...(rule !== undefined ? { rule } : {}),
      ...(evidence !== undefined ? { evidence } : {}),
      policyVersion: ctx.policyVersion,
    },
  });
  if (severity !== undefined) return assessed(severity, 'manual', 'CMP-02');
  if (similar.distinctCustomersOnSubject >= clusterDistinctCustomers) {
    return assessed('major', 'auto_cluster', 'CMP-TAX-12', {
      distinctCustomers: similar.distinctCustomersOnSubject,
      threshold: clusterDistinctCustomers,
      windowDays: clusterWindowDays,
      caseIds: similar.clusterCaseIds,
    });
  }
  if (similar.repeatOfCaseId !== undefined) {
    return assessed('major', 'auto_repeat', 'CMP-PEN-03', {
      repeatOfCaseId: similar.repeatOfCaseId,
      windowDays: repeatWindowDays,
    });
  }
  return assessed('general', 'default');
};

/** Major cases notify the BU manager and the GM at once (CMP-ESC-B4-02). */
export const majorNotification = (c: { caseId: string; number: string; concernedBu: string }): CaseEvent => ({
  type: 'MajorCaseNotified',
  data: {
    caseId: c.caseId,
    caseNumber: c.number,
    notify: [{ role: 'bu_manager', bu: c.concernedBu }, { role: 'gm' }],
  },
});

/** Fines that registration itself triggers: a grievance found (CMP-30), a complaint to the GM (CMP-31). */
const registrationFines = (c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  const { grievanceFen, executiveComplaintFen } = ctx.policy.fines;
  // A linked case continues an old one: what the old one was fined for is not fined again.
  if (c.linkedFrom !== undefined) return [];
  if (c.kind === 'grievance')
    return fine(c, employeePayee(c), grievanceFen, 'CMP-30', 'grievance found', ctx);
  if (c.kind === 'complaint' && c.channel === 'executive') {
    return [
      ...fine(
        c,
        managerPayee(c),
        executiveComplaintFen,
        'CMP-31',
        'complaint made to the general manager',
        ctx,
      ),
      ...fine(
        c,
        employeePayee(c),
        executiveComplaintFen,
        'CMP-31',
        'complaint made to the general manager',
        ctx,
      ),
    ];
  }
  return [];
};

const DAY_MS = 86_400_000;

/** A case taken earlier than it is entered counts from then: not in the future, not beyond the window. */
const receivedAtOf = (received: string | undefined, ctx: CaseDecisionContext): string => {
  if (received === undefined) return ctx.now.toISOString();
  const at = Date.parse(received);
  if (at > ctx.now.getTime()) {
    throw new DomainError(
      'rule',
      'case.received_in_future',
      'the case cannot have been received after it is entered',
      undefined,
      { field: 'receivedAt', receivedAt: received, now: ctx.now.toISOString() },
    );
  }
  const windowDays = ctx.policy.registration.receivedWindowDays;
  if (at < ctx.now.getTime() - windowDays * DAY_MS) {
    throw new DomainError(
      'rule',
      'case.received_too_old',
      `a case received more than ${windowDays} days ago cannot be entered as new`,
      undefined,
      { field: 'receivedAt', receivedAt: received, windowDays },
    );
  }
  return new Date(at).toISOString();
};

export const decideRegister = (command: RegisterCase, state: Case, ctx: CaseDecisionContext): CaseEvent[] => {
  const d = command.data;
  if (state.status !== 'none') {
    throw new DomainError('conflict', 'case.already_registered', `case ${d.caseId} exists`, undefined, {
      number: state.number,
    });
  }
  const subject = requireText(d.subject, 'subject');
  const receivedAt = receivedAtOf(d.receivedAt, ctx);
  if (d.kind === 'suggestion' && d.promisedBy === undefined) {
    throw new DomainError(
      'invalid',
      'case.promised_date_required',
      'a suggestion needs the promised reply date',
      'CMP-SLA-02',
      {
        field: 'promisedBy',
      },
    );
  }
  if (d.promisedBy !== undefined && Date.parse(d.promisedBy) <= ctx.now.getTime()) {
    throw new DomainError(
      'invalid',
      'case.promised_date_past',
      'the promised date must be in the future',
      undefined,
      {
        field: 'promisedBy',
      },
    );
  }
  const registered: CaseRegistered = {
    type: 'CaseRegistered',
    data: {
      caseId: d.caseId,
      number: d.number,
      kind: d.kind,
      channel: d.channel,
      customerId: d.customerId,
      subject,
      description: d.description,
      concernedEmployeeId: d.concernedEmployeeId,
      concernedBu: d.concernedBu,
      // First-contact responsibility (CMP-PRN-07): whoever registers stays accountable.
      receiverId: ctx.actor.id,
      receiverBu: ctx.actor.bu ?? d.concernedBu,
      registeredAt: ctx.now.toISOString(),
      receivedAt,
      ...(d.promisedBy !== undefined ? { promisedBy: new Date(d.promisedBy).toISOString() } : {}),
      ...(d.linkedFrom !== undefined ? { linkedFrom: d.linkedFrom } : {}),
    },
  };
  const events: CaseEvent[] = [registered];
  const deadline =
    d.kind === 'suggestion' ? { dueAt: new Date(d.promisedBy as string).toISOString() } : d.deadline;
  if (deadline !== undefined) {
    const { deadlines } = ctx.policy;
    events.push({
      type: 'CaseDeadlineSet',
      data: {
        caseId: d.caseId,
        dueAt: deadline.dueAt,
        ...(deadline.warnAt !== undefined ? { warnAt: deadline.warnAt } : {}),
        ...(d.kind === 'inquiry'
          ? { basis: 'hours' as const, amount: deadlines.inquiryHours }
          : d.kind === 'suggestion'
            ? { basis: 'promised_date' as const }
            : { basis: 'working_days' as const, amount: deadlines.complaintWorkingDays }),
        from: receivedAt,
        extension: false,
        rule: DEADLINE_RULE[d.kind],
        policyVersion: ctx.policyVersion,
        ...(deadline.calendar !== undefined ? { calendar: deadline.calendar } : {}),
      },
    });
  }
  const severity = assessSeverity(command, ctx);
  events.push(severity);
  if (severity.data.severity === 'major') events.push(majorNotification(registered.data));
  const created = evolveCase({ status: 'none' }, registered) as OpenCase;
  return [...events, ...registrationFines(created, ctx)];
};
