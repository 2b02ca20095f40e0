import type { CaseView } from '@/features/complaints/api/types';
import { caseActionsFor } from './case-actions';

const base: CaseView = {
  caseId: 'c-1',
  number: '2612-0001',
  kind: 'complaint',
  channel: 'hotline',
  customerId: 'cust-1',
  subject: 's',
  description: 'd',
  concernedEmployeeId: 'emp-9',
  concernedBu: 'bu-1',
  receiverId: 'agent-1',
  registeredAt: '2026-12-07T02:00:00Z',
  status: 'registered',
  severity: 'general',
  items: [],
  requiredApprover: null,
  approvedItemIds: [],
  repliedItemIds: [],
  escalationLevel: 'handler',
  linkedCaseIds: [],
  deadlineExtended: false,
  overdueFor: [],
};
const agent = { employeeId: 'agent-1', roles: ['cs_agent'] };
const names = (list: ReturnType<typeof caseActionsFor>) => list.map((a) => `${a.action}:${a.can}`);

describe('caseActionsFor', () => {
  it('a registered complaint: classify for the agent; not-established and extension need managers', () => {
    expect(names(caseActionsFor(base, agent))).toEqual([
      'classify:true',
      'notEstablished:false',
      'extend:false',
    ]);
    expect(names(caseActionsFor(base, { employeeId: 'csm-1', roles: ['cs_manager'] }))).toContain(
      'extend:true',
    );
  });

  it('a resolution of 3,000 yuan waits for a BU manager: refused to a cs_manager, with the reason', () => {
    const proposed: CaseView = { ...base, status: 'resolution_proposed', requiredApprover: 'bu_manager' };
    const csm = caseActionsFor(proposed, { employeeId: 'csm-1', roles: ['cs_manager'] });
    expect(csm.find((a) => a.action === 'approve')).toEqual({
      action: 'approve',
      can: false,
      reason: { key: 'actions.reasons.approver', values: { role: 'bu_manager' } },
    });
    const bum = caseActionsFor(proposed, { employeeId: 'bum-1', roles: ['bu_manager'] });
    expect(bum.find((a) => a.action === 'approve')?.can).toBe(true);
    const gm = caseActionsFor(proposed, { employeeId: 'gm-1', roles: ['gm'] });
    expect(gm.find((a) => a.action === 'approve')?.can).toBe(true);
  });

  it('the employee the case is about may not act on it', () => {
    const actions = caseActionsFor(base, { employeeId: 'emp-9', roles: ['staff'] });
    expect(actions.find((a) => a.action === 'classify')).toMatchObject({
      can: false,
      reason: { key: 'actions.reasons.concerned' },
    });
  });

  it('a reply is answered by acceptance or rejection; then the follow-up, then closing, then archiving', () => {
    expect(names(caseActionsFor({ ...base, status: 'replied', resolvedAt: 'x' }, agent))).toEqual([
      'accept:true',
      'reject:true',
    ]);
    expect(names(caseActionsFor({ ...base, status: 'accepted', resolvedAt: 'x' }, agent))).toEqual([
      'followUp:true',
      'waive:false',
    ]);
    expect(
      names(
        caseActionsFor(
          { ...base, status: 'accepted', resolvedAt: 'x', followUp: { satisfaction: 4 } },
          agent,
        ),
      ),
    ).toEqual(['close:true']);
    expect(names(caseActionsFor({ ...base, status: 'closed', resolvedAt: 'x' }, agent))).toEqual([
      'archive:false',
    ]);
  });
});
