import { DomainError, deterministicUuid } from '@crm/event-sourcing';
import type { OpenCase } from './case';
import type {
  ApproveResolution,
  ProposeResolution,
  RecordAcceptance,
  RecordRejection,
  ReplyToCustomer,
  SendBackResolution,
} from './case.commands';
import type { CaseEvent, SettlementApproved } from './case.events';
import {
  type CaseDecisionContext,
  refuseConcernedEmployee,
  requireStatus,
  requireText,
} from './case-context';
import { approverAfterEscalation, mayApprove, monetaryTotalFen, requiredApprover } from './approval';
import { ESCALATION_LEVELS, isMonetary } from './case.vocabulary';

export const decidePropose = (cmd: ProposeResolution, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireStatus(c, ['assigned', 'investigated'], 'propose a resolution for');
  refuseConcernedEmployee(c, ctx.actor.id, 'handle');
  const { items } = cmd.data;
  if (items.length === 0) {
    throw new DomainError(
      'invalid',
      'case.resolution_empty',
      'a resolution lists at least one item',
      undefined,
      {
        field: 'items',
      },
    );
  }
  const ids = new Set(items.map((i) => i.itemId));
  if (ids.size !== items.length) {
    throw new DomainError('invalid', 'case.resolution_duplicate_item', 'item ids must be unique', undefined, {
      field: 'items',
    });
  }
  const bad = items.find(
    (i) => !Number.isInteger(i.amountFen) || i.amountFen < 0 || (isMonetary(i.kind) && i.amountFen === 0),
  );
  if (bad) {
    throw new DomainError(
      'invalid',
      'case.resolution_amount',
      `item ${bad.itemId}: amounts are whole fen, > 0 for money`,
      undefined,
      {
        field: 'items',
        itemId: bad.itemId,
      },
    );
  }
  return [
    {
      type: 'ResolutionProposed',
      data: {
        caseId: c.caseId,
        items,
        requiredApprover: approverAfterEscalation(requiredApprover(items, ctx.policy), c.escalationLevel),
      },
    },
  ];
};

export const decideApprove = (_: ApproveResolution, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireStatus(c, ['resolution_proposed'], 'approve the resolution of');
  refuseConcernedEmployee(c, ctx.actor.id, 'approve');
  const required = c.requiredApprover ?? requiredApprover(c.items, ctx.policy);
  if (!mayApprove(ctx.actor.role, required)) {
    throw new DomainError(
      'forbidden',
      'case.approval_authority',
      `a resolution of ${monetaryTotalFen(c.items)} fen needs ${required} or above`,
      'CMP-APR-07',
      { requiredApprover: required, totalFen: monetaryTotalFen(c.items) },
    );
  }
  return [
    {
      type: 'ResolutionApproved',
      data: {
        caseId: c.caseId,
        itemIds: c.items.map((i) => i.itemId),
        totalFen: monetaryTotalFen(c.items),
        requiredApprover: required,
        approverId: ctx.actor.id,
        approverRole: ctx.actor.role,
        rule: 'CMP-APR-07',
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

export const decideSendBack = (
  cmd: SendBackResolution,
  c: OpenCase,
  ctx: CaseDecisionContext,
): CaseEvent[] => {
  requireStatus(c, ['resolution_proposed'], 'send back the resolution of');
  return [
    {
      type: 'ResolutionSentBack',
      data: { caseId: c.caseId, by: ctx.actor.id, reason: requireText(cmd.data.reason, 'reason') },
    },
  ];
};

/** The reply may contain only approved items (CMP-APR-04/09). */
export const decideReply = (cmd: ReplyToCustomer, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  const informational = c.kind === 'inquiry' || c.kind === 'suggestion';
  const open: OpenCase['status'][] = [
    'registered',
    'classified',
    'assigned',
    'investigated',
    'resolution_proposed',
    'resolution_approved',
  ];
  requireStatus(c, open, 'reply to the customer of');
  refuseConcernedEmployee(c, ctx.actor.id, 'handle');
  const unapproved = cmd.data.itemIds.filter((id) => !c.approvedItemIds.includes(id));
  if (unapproved.length > 0) {
    throw new DomainError(
      'rule',
      'case.reply_unapproved_item',
      `the reply contains items that are not approved: ${unapproved.join(', ')}`,
      'CMP-APR-04',
      { unapprovedItemIds: unapproved },
    );
  }
  if (!informational && c.status !== 'resolution_approved') {
    throw new DomainError(
      'rule',
      'case.reply_needs_approval',
      'a complaint is answered with an approved resolution',
      'CMP-APR-09',
      {
        status: c.status,
      },
    );
  }
  return [
    {
      type: 'CustomerReplied',
      data: {
        caseId: c.caseId,
        itemIds: cmd.data.itemIds,
        message: requireText(cmd.data.message, 'message'),
        repliedAt: ctx.now.toISOString(),
      },
    },
  ];
};

/** Acceptance settles approved allowances and returns through the credit service (domain §4.8). */
export const decideAcceptance = (_: RecordAcceptance, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireStatus(c, ['replied'], 'record the acceptance of');
  const settlements: SettlementApproved[] = c.items
    .filter((i) => c.repliedItemIds.includes(i.itemId))
    .flatMap((i) =>
      i.kind === 'allowance' || i.kind === 'return'
        ? [
            {
              type: 'SettlementApproved' as const,
              data: {
                settlementId: deterministicUuid('settlement', c.caseId, i.itemId),
                caseId: c.caseId,
                caseNumber: c.number,
                customerId: c.customerId,
                kind: i.kind,
                amountFen: i.amountFen,
                approvedBy: c.approvedBy ?? ctx.actor.id,
                approvedAt: ctx.now.toISOString(),
                policyVersion: ctx.policyVersion,
              },
            },
          ]
        : [],
    );
  return [
    { type: 'CustomerAccepted', data: { caseId: c.caseId, acceptedAt: ctx.now.toISOString() } },
    ...settlements,
  ];
};

/** Rejection escalates handler → BU manager → GM, then (or by policy at once) opens a linked case. */
export const decideRejection = (cmd: RecordRejection, c: OpenCase, ctx: CaseDecisionContext): CaseEvent[] => {
  requireStatus(c, ['replied'], 'record the rejection of');
  const reason = requireText(cmd.data.reason, 'reason');
  const next = ESCALATION_LEVELS[ESCALATION_LEVELS.indexOf(c.escalationLevel) + 1];
  const base = { caseId: c.caseId, reason, fromLevel: c.escalationLevel, policyVersion: ctx.policyVersion };
  if (ctx.policy.onCustomerRejection === 'escalate' && next !== undefined) {
    return [
      {
        type: 'CustomerRejected',
        data: { ...base, outcome: 'escalated', toLevel: next, rule: 'CMP-ESC-B5-02' },
      },
    ];
  }
  return [
    {
      type: 'CustomerRejected',
      data: { ...base, outcome: 'linked_case', linkedCaseId: cmd.data.linkedCaseId, rule: 'CMP-FUP-10' },
    },
  ];
};
