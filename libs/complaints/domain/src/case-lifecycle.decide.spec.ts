import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decide';
import type { CaseEvent } from './case.events';
import type { EscalationLevel } from './case.vocabulary';
import { specFor } from '@crm/decider-testing';
import {
  approved,
  buManager,
  CASE_ID,
  classifiedAndAssigned,
  concerned,
  csManager,
  ctx,
  gm,
  handler,
  items,
  proposed,
  receiver,
  registered,
  replied,
} from './testing/case-fixtures';

const spec = specFor(caseDecider);
const cmd = <T extends CaseCommand['type']>(type: T, data: Extract<CaseCommand, { type: T }>['data']) =>
  ({ type, data }) as Extract<CaseCommand, { type: T }>;
const escalatedTo = (fromLevel: EscalationLevel, toLevel: EscalationLevel): CaseEvent => ({
  type: 'CustomerRejected',
  data: {
    caseId: CASE_ID,
    reason: 'x',
    outcome: 'escalated',
    fromLevel,
    toLevel,
    rule: 'CMP-ESC-B5-02',
    policyVersion: 'v1',
  },
});
const accepted = (): CaseEvent[] => [
  ...replied(),
  { type: 'CustomerAccepted', data: { caseId: CASE_ID, acceptedAt: 'x' } },
];

describe('case lifecycle guards (domain §4.3)', () => {
  describe('the employee complained about takes no part (CMP-INT-11)', () => {
    it('cannot be assigned as handler', () => {
      spec
        .given([...registered(), { type: 'CaseClassified', data: { caseId: CASE_ID, cause: 'attitude' } }])
        .when(cmd('AssignCase', { handlerId: concerned.id, responsibleBu: 'bu-1' }), ctx(csManager))
        .thenRefused({ kind: 'rule', code: 'case.conflict_of_interest', rule: 'CMP-INT-11' });
    });

    it('cannot approve the resolution even with the authority', () => {
      spec
        .given(proposed())
        .when(cmd('ApproveResolution', {}), ctx({ ...concerned, role: 'bu_manager' }))
        .thenRefused({ rule: 'CMP-INT-11', details: { action: 'approve' } });
    });

    it('cannot survey the customer', () => {
      spec
        .given(accepted())
        .when(cmd('RecordFollowUp', { satisfaction: 5 }), ctx(concerned))
        .thenRefused({ rule: 'CMP-INT-11', details: { action: 'survey' } });
    });
  });

  it('only the accountable receiver (or a cs_manager) transfers first-contact responsibility (CMP-PRN-07)', () => {
    spec
      .given(registered())
      .when(cmd('TransferReceiver', { toReceiverId: 'agent-2', toBu: 'bu-cs' }), ctx(handler))
      .thenRefused({ kind: 'forbidden', rule: 'CMP-PRN-07' });
    spec
      .given(registered())
      .when(cmd('TransferReceiver', { toReceiverId: 'agent-2', toBu: 'bu-cs' }), ctx(receiver))
      .then([
        {
          type: 'ReceiverTransferred',
          data: { caseId: CASE_ID, fromReceiverId: receiver.id, toReceiverId: 'agent-2', toBu: 'bu-cs' },
        },
      ]);
  });

  describe('approval by amount (CMP-APR-07)', () => {
    const withAmount = (amountFen: number) => [
      { itemId: 'm', kind: 'compensation' as const, description: 'cash', amountFen },
    ];
    it.each([
      [50_000, 'cs_manager'],
      [50_001, 'bu_manager'],
      [500_000, 'bu_manager'],
      [500_001, 'gm'],
    ])('%i fen needs %s', (amountFen, role) => {
      const events = spec
        .given(classifiedAndAssigned())
        .when(cmd('ProposeResolution', { items: withAmount(amountFen) }), ctx(handler))
        .events();
      expect(events[0]?.data).toMatchObject({ requiredApprover: role });
    });

    it('a cs_manager cannot approve 5,000 yuan; a bu_manager can, recording the policy version', () => {
      const history: CaseEvent[] = [
        ...classifiedAndAssigned(),
        {
          type: 'ResolutionProposed',
          data: { caseId: CASE_ID, items: withAmount(500_000), requiredApprover: 'bu_manager' },
        },
      ];
      spec
        .given(history)
        .when(cmd('ApproveResolution', {}), ctx(csManager))
        .thenRefused({ kind: 'forbidden', code: 'case.approval_authority', rule: 'CMP-APR-07' });
      spec
        .given(history)
        .when(cmd('ApproveResolution', {}), ctx(buManager, { policyVersion: 'v3' }))
        .thenIncludes([
          {
            type: 'ResolutionApproved',
            data: expect.objectContaining({
              approverRole: 'bu_manager',
              totalFen: 500_000,
              policyVersion: 'v3',
            }),
          },
        ]);
      spec
        .given(history)
        .when(cmd('ApproveResolution', {}), ctx(gm))
        .thenIncludes([{ type: 'ResolutionApproved' }]);
    });
  });

  describe('the reply may contain only approved items (CMP-APR-04/09)', () => {
    it('refuses an item that was never approved with 422 naming the rule', () => {
      spec
        .given(approved())
        .when(cmd('ReplyToCustomer', { itemIds: ['i-1', 'i-9'], message: 'we offer a refund' }), ctx(handler))
        .thenRefused({
          kind: 'rule',
          code: 'case.reply_unapproved_item',
          rule: 'CMP-APR-04',
          details: { unapprovedItemIds: ['i-9'] },
        });
    });

    it('refuses items of a proposal that is still awaiting approval', () => {
      spec
        .given(proposed())
        .when(cmd('ReplyToCustomer', { itemIds: ['i-2'], message: 'allowance' }), ctx(handler))
        .thenRefused({ rule: 'CMP-APR-04' });
    });

    it('a complaint is not answered before a resolution is approved', () => {
      spec
        .given(classifiedAndAssigned())
        .when(cmd('ReplyToCustomer', { itemIds: [], message: 'we are looking into it' }), ctx(handler))
        .thenRefused({ kind: 'rule', rule: 'CMP-APR-09' });
    });

    it('replies with approved items', () => {
      spec
        .given(approved())
        .when(cmd('ReplyToCustomer', { itemIds: ['i-2'], message: 'allowance granted' }), ctx(handler))
        .thenIncludes([{ type: 'CustomerReplied', data: expect.objectContaining({ itemIds: ['i-2'] }) }]);
    });

    it('an inquiry is answered without a resolution', () => {
      spec
        .given(registered({ kind: 'inquiry' }))
        .when(cmd('ReplyToCustomer', { itemIds: [], message: 'opening hours are 9 to 6' }), ctx(receiver))
        .thenIncludes([{ type: 'CustomerReplied' }]);
    });
  });

  it('acceptance settles the approved allowance through the credit service, once per item', () => {
    const events = spec.given(replied()).when(cmd('RecordAcceptance', {}), ctx(handler)).events();
    expect(events.map((e) => e.type)).toEqual(['CustomerAccepted', 'SettlementApproved']);
    expect(events[1]?.data).toMatchObject({
      caseId: CASE_ID,
      customerId: 'cust-1',
      kind: 'allowance',
      amountFen: 30_000,
      approvedBy: csManager.id,
      settlementId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    const again = spec.given(replied()).when(cmd('RecordAcceptance', {}), ctx(handler)).events();
    expect(again[1]?.data).toMatchObject({
      settlementId: (events[1]?.data as { settlementId: string }).settlementId,
    });
  });

  describe('rejection escalates handler → BU manager → GM, then opens a linked case (CMP-ESC-B5-02, CMP-FUP-10)', () => {
    const reject = cmd('RecordRejection', { reason: 'not enough', linkedCaseId: 'linked-1' });
    it('first to the BU manager, back to investigation', () => {
      spec
        .given(replied())
        .when(reject, ctx(handler))
        .thenIncludes([
          {
            type: 'CustomerRejected',
            data: expect.objectContaining({
              outcome: 'escalated',
              fromLevel: 'handler',
              toLevel: 'bu_manager',
            }),
          },
        ]);
    });

    it('an escalated case needs the approval of its new level, whatever the amount', () => {
      const escalated: CaseEvent[] = [...replied(), escalatedTo('handler', 'bu_manager')];
      spec
        .given(escalated)
        .when(cmd('ProposeResolution', { items: [items[0]!] }), ctx(handler))
        .thenIncludes([
          { type: 'ResolutionProposed', data: expect.objectContaining({ requiredApprover: 'bu_manager' }) },
        ]);
    });

    it('after the GM, a linked case; the original keeps its state', () => {
      const atGm: CaseEvent[] = [
        ...replied(),
        escalatedTo('bu_manager', 'gm'),
        ...approved().slice(-2),
        {
          type: 'CustomerReplied',
          data: { caseId: CASE_ID, itemIds: ['i-1'], message: 'm', repliedAt: 'x' },
        },
      ];
      const events = spec.given(atGm).when(reject, ctx(gm)).events();
      expect(events).toEqual([
        expect.objectContaining({
          type: 'CustomerRejected',
          data: expect.objectContaining({
            outcome: 'linked_case',
            linkedCaseId: 'linked-1',
            fromLevel: 'gm',
            rule: 'CMP-FUP-10',
          }),
        }),
      ]);
      const after = [...atGm, ...events].reduce(caseDecider.evolve, caseDecider.initialState());
      expect(after).toMatchObject({ status: 'replied', linkedCaseIds: ['linked-1'] });
    });

    it('policy REOPEN_LINKED opens the linked case at once', () => {
      spec
        .given(replied())
        .when(reject, ctx(handler, { policy: { onCustomerRejection: 'reopen_linked' } }))
        .thenIncludes([
          { type: 'CustomerRejected', data: expect.objectContaining({ outcome: 'linked_case' }) },
        ]);
    });
  });

  it('a complaint found not established is decided with its reason (CMP-TAX-19)', () => {
    spec
      .given(classifiedAndAssigned())
      .when(cmd('DeclareNotEstablished', { reason: 'delivery was on time' }), ctx(csManager))
      .thenIncludes([
        {
          type: 'CaseNotEstablished',
          data: expect.objectContaining({ customerId: 'cust-1', decidedBy: csManager.id }),
        },
      ]);
    spec
      .given(registered({ kind: 'inquiry' }))
      .when(cmd('DeclareNotEstablished', { reason: 'x' }), ctx(csManager))
      .thenRefused({ rule: 'CMP-TAX-19' });
  });

  describe('closing and archiving (CMP-FUP-02, CMP-ARC-01)', () => {
    it('needs a follow-up with satisfaction or a reasoned waiver', () => {
      spec
        .given(accepted())
        .when(cmd('CloseCase', {}), ctx(csManager))
        .thenRefused({ code: 'case.follow_up_missing', rule: 'CMP-FUP-02' });
      spec.given(replied()).when(cmd('CloseCase', {}), ctx(csManager)).thenRefused({ kind: 'conflict' });
      spec
        .given(accepted())
        .when(cmd('WaiveFollowUp', { reason: ' ' }), ctx(csManager))
        .thenRefused({ kind: 'invalid' });
      spec
        .given(accepted())
        .when(
          cmd('WaiveFollowUp', { reason: 'customer moved abroad' }),
          ctx(csManager, { policy: { allowFollowUpWaiver: false } }),
        )
        .thenRefused({ code: 'case.waiver_not_allowed' });
      spec
        .given(accepted())
        .when(cmd('RecordFollowUp', { satisfaction: 6 }), ctx(csManager))
        .thenRefused({ code: 'case.satisfaction_range' });
    });

    it('closes on time after a follow-up, archives for one year and only extends retention', () => {
      const followed: CaseEvent[] = [
        ...accepted(),
        { type: 'FollowUpRecorded', data: { caseId: CASE_ID, satisfaction: 4, surveyorId: csManager.id } },
      ];
      spec
        .given(followed)
        .when(cmd('CloseCase', {}), ctx(csManager, { now: new Date('2025-10-15T02:00:00Z') }))
        .then([
          {
            type: 'CaseClosed',
            data: { caseId: CASE_ID, closedAt: '2025-10-15T02:00:00.000Z', onTime: true },
          },
        ]);
      const closed: CaseEvent[] = [
        ...followed,
        { type: 'CaseClosed', data: { caseId: CASE_ID, closedAt: '2025-10-15T02:00:00.000Z', onTime: true } },
      ];
      spec
        .given(closed)
        .when(cmd('ArchiveCase', {}), ctx(csManager))
        .then([
          {
            type: 'CaseArchived',
            data: {
              caseId: CASE_ID,
              retainUntil: '2026-10-15T02:00:00.000Z',
              rule: 'CMP-ARC-01',
              policyVersion: 'v1',
            },
          },
        ]);
      const archived: CaseEvent[] = [
        ...closed,
        {
          type: 'CaseArchived',
          data: {
            caseId: CASE_ID,
            retainUntil: '2026-10-15T02:00:00.000Z',
            rule: 'CMP-ARC-01',
            policyVersion: 'v1',
          },
        },
      ];
      spec
        .given(archived)
        .when(
          cmd('ExtendRetention', { retainUntil: '2026-01-01T00:00:00Z', reason: 'shorter' }),
          ctx(csManager),
        )
        .thenRefused({ code: 'case.retention_shortened' });
      spec
        .given(archived)
        .when(
          cmd('ExtendRetention', { retainUntil: '2028-10-15T02:00:00Z', reason: 'important case' }),
          ctx(csManager),
        )
        .thenIncludes([{ type: 'RetentionExtended' }]);
    });
  });

  it('proposals must be well-formed: items, unique ids, money in whole fen', () => {
    const propose = (list: typeof items) =>
      spec.given(classifiedAndAssigned()).when(cmd('ProposeResolution', { items: list }), ctx(handler));
    propose([]).thenRefused({ code: 'case.resolution_empty' });
    propose([items[0]!, items[0]!]).thenRefused({ code: 'case.resolution_duplicate_item' });
    propose([{ itemId: 'x', kind: 'return', description: 'r', amountFen: 0 }]).thenRefused({
      code: 'case.resolution_amount',
    });
  });
});
