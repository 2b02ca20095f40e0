import type { Actor } from '@crm/event-sourcing';
import type { CaseDecisionContext } from '../case-context';
import type { RegisterCase } from '../case.commands';
import type { CaseEvent, ResolutionItem } from '../case.events';
import { DEFAULT_COMPLAINTS_POLICY, type ComplaintsPolicy } from '../complaints-policy';

export const CASE_ID = 'c0000000-0000-4000-8000-000000000001';
export const NOW = new Date('2025-09-30T02:00:00.000Z'); // Tue 30 Sep 2025 10:00 in Shanghai

export const receiver: Actor = { id: 'agent-1', role: 'cs_agent', bu: 'bu-cs' };
export const csManager: Actor = { id: 'csm-1', role: 'cs_manager', bu: 'bu-cs' };
export const buManager: Actor = { id: 'bum-1', role: 'bu_manager', bu: 'bu-1' };
export const gm: Actor = { id: 'gm-1', role: 'gm' };
export const handler: Actor = { id: 'handler-1', role: 'staff', bu: 'bu-1' };
export const concerned: Actor = { id: 'emp-9', role: 'staff', bu: 'bu-1' };

export const ctx = (
  actor: Actor = receiver,
  overrides: { now?: Date; policy?: Partial<ComplaintsPolicy>; policyVersion?: string } = {},
): CaseDecisionContext => ({
  actor,
  now: overrides.now ?? NOW,
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  policy: { ...DEFAULT_COMPLAINTS_POLICY, ...overrides.policy },
  policyVersion: overrides.policyVersion ?? 'v1',
});

export const registerCommand = (data: Partial<RegisterCase['data']> = {}): RegisterCase => ({
  type: 'RegisterCase',
  data: {
    caseId: CASE_ID,
    number: '2509-0001',
    kind: 'complaint',
    channel: 'hotline',
    customerId: 'cust-1',
    subject: 'late delivery',
    description: 'the sofa came two weeks late',
    concernedEmployeeId: concerned.id,
    concernedBu: 'bu-1',
    similar: { distinctCustomersOnSubject: 1, clusterCaseIds: [] },
    deadline: {
      dueAt: '2025-10-11T02:00:00.000Z',
      warnAt: '2025-10-10T07:00:00.000Z',
      calendar: { calendarVersion: 'v1', calendarIncomplete: false, missingYears: [] },
    },
    ...data,
  },
});

/** A complaint registered 30 Sep 2025 10:00 (Shanghai), due 11 Oct 10:00 (the make-up Saturday). */
export const registered = (data: Partial<RegisterCase['data']> = {}): CaseEvent[] => {
  const cmd = registerCommand(data);
  const events: CaseEvent[] = [
    {
      type: 'CaseRegistered',
      data: {
        caseId: cmd.data.caseId,
        number: cmd.data.number,
        kind: cmd.data.kind,
        channel: cmd.data.channel,
        customerId: cmd.data.customerId,
        subject: cmd.data.subject,
        description: cmd.data.description,
        concernedEmployeeId: cmd.data.concernedEmployeeId,
        concernedBu: cmd.data.concernedBu,
        receiverId: receiver.id,
        receiverBu: 'bu-cs',
        registeredAt: NOW.toISOString(),
      },
    },
  ];
  if (cmd.data.deadline) {
    events.push({
      type: 'CaseDeadlineSet',
      data: {
        caseId: CASE_ID,
        dueAt: cmd.data.deadline.dueAt,
        basis: 'working_days',
        amount: 3,
        from: NOW.toISOString(),
        extension: false,
        rule: 'CMP-SLA-03',
        policyVersion: 'v1',
      },
    });
  }
  return events;
};

export const classifiedAndAssigned = (): CaseEvent[] => [
  ...registered(),
  { type: 'CaseClassified', data: { caseId: CASE_ID, cause: 'service_lapse' } },
  { type: 'CaseAssigned', data: { caseId: CASE_ID, handlerId: handler.id, responsibleBu: 'bu-1' } },
];

export const items: ResolutionItem[] = [
  { itemId: 'i-1', kind: 'apology', description: 'written apology', amountFen: 0 },
  { itemId: 'i-2', kind: 'allowance', description: '5% price allowance', amountFen: 30_000 },
];

export const proposed = (list: ResolutionItem[] = items): CaseEvent[] => [
  ...classifiedAndAssigned(),
  { type: 'ResolutionProposed', data: { caseId: CASE_ID, items: list, requiredApprover: 'cs_manager' } },
];

export const approved = (list: ResolutionItem[] = items): CaseEvent[] => [
  ...proposed(list),
  {
    type: 'ResolutionApproved',
    data: {
      caseId: CASE_ID,
      itemIds: list.map((i) => i.itemId),
      totalFen: 30_000,
      requiredApprover: 'cs_manager',
      approverId: csManager.id,
      approverRole: 'cs_manager',
      rule: 'CMP-APR-07',
      policyVersion: 'v1',
    },
  },
];

export const replied = (itemIds: string[] = ['i-1', 'i-2']): CaseEvent[] => [
  ...approved(),
  {
    type: 'CustomerReplied',
    data: { caseId: CASE_ID, itemIds, message: 'we apologise', repliedAt: '2025-10-09T02:00:00.000Z' },
  },
];
