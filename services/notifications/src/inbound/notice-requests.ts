import { readPayload } from '@crm/contract-fields';
import {
  parseComplaintDeadlineWarningIssuedV1,
  parseComplaintMajorCaseNotifiedV1,
  parseComplaintOverdueReminderIssuedV1,
  type ComplaintNoticeRecipientV1,
} from '@crm/complaints-contracts';
import { parseCreditAccountBlockedV1, parseCreditSaleHeldV1 } from '@crm/credit-contracts';
import {
  parseInvitationConflictAwaitingRulingV1,
  parseInvitationListDueSoonV1,
} from '@crm/invitations-contracts';
import type { Audience, NotificationRequest } from '@crm/notifications-domain';
import { parseContract, type KafkaEnvelope } from '@crm/messaging';

/** Credit's review reminder; its contract is added by the credit service (read here by name). */
export const CREDIT_REVIEW_DUE = 'CreditReviewDue';

const audienceOf = (to: readonly ComplaintNoticeRecipientV1[]): Audience[] =>
  to.map((r) =>
    r.employeeId !== undefined ? { employeeId: r.employeeId } : { post: r.post, bu: r.bu ?? null },
  );

const base = (e: KafkaEnvelope) => ({ sourceEventId: e.eventId, occurredAt: e.occurredAt });

/** Complaints: a major case (BU manager and GM), a deadline warning, an overdue reminder (催办). */
export const majorCaseRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, parseComplaintMajorCaseNotifiedV1);
  return {
    ...base(e),
    kind: 'major_case',
    audience: audienceOf(d.notify),
    params: { caseId: d.caseId, caseNumber: d.caseNumber },
    link: `/complaints/cases/${d.caseId}`,
  };
};

export const deadlineWarningRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, parseComplaintDeadlineWarningIssuedV1);
  return {
    ...base(e),
    kind: 'deadline_warning',
    audience: audienceOf(d.notify),
    params: { caseId: d.caseId, dueAt: d.dueAt },
    link: `/complaints/cases/${d.caseId}`,
  };
};

export const overdueReminderRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, parseComplaintOverdueReminderIssuedV1);
  return {
    ...base(e),
    kind: 'overdue_reminder',
    audience: audienceOf(d.notify),
    params: { caseId: d.caseId, dueAt: d.dueAt, sequence: d.sequence },
    link: `/complaints/cases/${d.caseId}`,
  };
};

/** Invitations: a conflict waiting for the coordinator's (or, escalated, the GM's) ruling. */
export const conflictRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, parseInvitationConflictAwaitingRulingV1);
  return {
    ...base(e),
    kind: 'conflict_to_rule',
    audience: [{ post: d.ruler, bu: null }],
    params: { jointEventId: d.jointEventId, customerId: d.customerId, ruler: d.ruler },
    link: `/invitations/events/${d.jointEventId}/conflicts`,
  };
};

/** Invitations: a day's list is due within the hour and these BUs have not filed it. */
export const listDueRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, parseInvitationListDueSoonV1);
  return {
    ...base(e),
    kind: 'list_due',
    audience: d.businessUnits.map((bu) => ({ post: 'bu_manager', bu })),
    params: { jointEventId: d.jointEventId, day: d.day, cutoffAt: d.cutoffAt },
    link: `/invitations/events/${d.jointEventId}/lists`,
  };
};

/** Credit: a held sale waits for the marketing VP (approval waiting); a blocked account; a review due. */
export const saleHeldRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, parseCreditSaleHeldV1);
  return {
    ...base(e),
    kind: 'approval_waiting',
    audience: [{ post: 'marketing_vp', bu: null }],
    params: { accountId: d.accountId, orderId: d.orderId, amountFen: d.amountFen },
    link: `/credit/accounts/${d.accountId}/holds/${d.orderId}`,
  };
};

export const accountBlockedRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, parseCreditAccountBlockedV1);
  return {
    ...base(e),
    kind: 'account_blocked',
    audience: [{ post: 'credit_controller', bu: null }],
    params: { accountId: d.accountId, ...(d.customerId !== undefined ? { customerId: d.customerId } : {}) },
    link: `/credit/accounts/${d.accountId}`,
  };
};

export const reviewDueRequest = (e: KafkaEnvelope): NotificationRequest => {
  const d = parseContract(e, (data) => {
    const r = readPayload(CREDIT_REVIEW_DUE, data);
    return {
      accountId: r.text('accountId'),
      reviewKind: r.text('reviewKind'),
      dueOn: r.day('dueOn'),
      bu: r.text('bu'),
    };
  });
  return {
    ...base(e),
    kind: 'review_due',
    audience: [
      { post: 'credit_controller', bu: d.bu },
      { post: 'bu_manager', bu: d.bu },
    ],
    params: { accountId: d.accountId, reviewKind: d.reviewKind, dueOn: d.dueOn },
    link: `/credit/accounts/${d.accountId}`,
  };
};
