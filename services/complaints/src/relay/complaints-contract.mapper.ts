import type { StoredEvent } from '@crm/event-store';
import type { ContractEvent } from '@crm/messaging';
import {
  COMPLAINT_CASE_OVERDUE,
  COMPLAINT_DEADLINE_WARNING_ISSUED,
  COMPLAINT_MAJOR_CASE_NOTIFIED,
  COMPLAINT_OVERDUE_REMINDER_ISSUED,
  parseComplaintDeadlineWarningIssuedV1,
  parseComplaintMajorCaseNotifiedV1,
  parseComplaintOverdueReminderIssuedV1,
  COMPLAINT_CASE_REGISTERED,
  COMPLAINT_NOT_ESTABLISHED,
  COMPLAINT_SETTLEMENT_APPROVED,
  CUSTOMER_TRANSFER_REQUESTED,
  parseComplaintCaseOverdueV1,
  parseComplaintCaseRegisteredV1,
  parseComplaintNotEstablishedV1,
  parseComplaintSettlementApprovedV1,
  parseCustomerTransferRequestedV1,
} from '@crm/complaints-contracts';
import { policyVersionNumber, type CaseEvent } from '@crm/complaints-domain';
import { FINE_ISSUED_CONTRACT, parseFineIssuedContract } from '@crm/penalties-contracts';

/** A domain audience entry (`role`, optional `id`/`bu`) as a contract recipient. */
const recipient = (to: { role: string; id?: string; bu?: string }) => ({
  post: to.role,
  ...(to.bu !== undefined ? { bu: to.bu } : {}),
  ...(to.id !== undefined ? { employeeId: to.id } : {}),
});

/**
 * The only door out of the complaints service: internal events mapped field by field to the public
 * contracts, re-validated by the contract parsers, keyed by customer id. Everything else stays private.
 */
export const toComplaintsContract = (stored: StoredEvent): ContractEvent | null => {
  const event = { type: stored.type, data: stored.data } as CaseEvent;
  switch (event.type) {
    case 'CaseRegistered': {
      const d = event.data;
      const data = parseComplaintCaseRegisteredV1({
        caseId: d.caseId,
        caseNumber: d.number,
        kind: d.kind,
        channel: d.channel,
        customerId: d.customerId,
        concernedBu: d.concernedBu,
        concernedEmployeeId: d.concernedEmployeeId,
        registeredAt: d.registeredAt,
      });
      return { aggregateId: data.customerId, type: COMPLAINT_CASE_REGISTERED, data };
    }
    case 'CaseOverdue': {
      const d = event.data;
      const data = parseComplaintCaseOverdueV1(d);
      return { aggregateId: data.customerId, type: COMPLAINT_CASE_OVERDUE, data };
    }
    // Notices that call for a person (the notifications service delivers them), keyed by case.
    case 'MajorCaseNotified': {
      const d = event.data;
      const data = parseComplaintMajorCaseNotifiedV1({
        caseId: d.caseId,
        caseNumber: d.caseNumber,
        notify: d.notify.map(recipient),
        notifiedAt: stored.metadata.businessTime,
      });
      return { aggregateId: data.caseId, type: COMPLAINT_MAJOR_CASE_NOTIFIED, data };
    }
    case 'DeadlineWarningIssued': {
      const d = event.data;
      const data = parseComplaintDeadlineWarningIssuedV1({
        caseId: d.caseId,
        dueAt: d.dueAt,
        notify: d.notify.map((id) => recipient({ role: 'handler', id })),
        issuedAt: stored.metadata.businessTime,
      });
      return { aggregateId: data.caseId, type: COMPLAINT_DEADLINE_WARNING_ISSUED, data };
    }
    case 'OverdueReminderIssued': {
      const d = event.data;
      const data = parseComplaintOverdueReminderIssuedV1({
        caseId: d.caseId,
        dueAt: d.dueAt,
        sequence: d.sequence,
        notify: d.to.map(recipient),
        rule: d.rule,
        issuedAt: stored.metadata.businessTime,
      });
      return { aggregateId: data.caseId, type: COMPLAINT_OVERDUE_REMINDER_ISSUED, data };
    }
    case 'FineIssued': {
      // The company-wide public fine (penalties contract), no longer the complaints-only shape.
      const d = event.data;
      const data = parseFineIssuedContract({
        contractVersion: 1,
        fineId: d.fineId,
        sourceService: 'complaints',
        payee:
          d.payee.role === 'bu_manager'
            ? { bu: d.payee.bu, post: 'bu_manager' }
            : {
                bu: d.payee.bu,
                ...(d.payee.employeeId !== undefined ? { employeeId: d.payee.employeeId } : {}),
              },
        amountFen: d.amountFen,
        currency: 'CNY',
        rule: d.rule,
        policyVersion: d.policyVersion,
        cause: {
          streamId: stored.streamId,
          eventId: stored.id,
          link: `/api/complaints/cases/${d.caseId}`,
          reference: d.caseNumber,
        },
        issuedAt: d.issuedAt,
        reason: d.reason,
      });
      return { aggregateId: d.customerId, type: FINE_ISSUED_CONTRACT, data };
    }
    case 'CustomerTransferRequested': {
      const data = parseCustomerTransferRequestedV1({
        ...event.data,
        policyVersion: policyVersionNumber(event.data.policyVersion),
      });
      return { aggregateId: data.customerId, type: CUSTOMER_TRANSFER_REQUESTED, data };
    }
    case 'SettlementApproved': {
      const data = parseComplaintSettlementApprovedV1({
        ...event.data,
        policyVersion: policyVersionNumber(event.data.policyVersion),
      });
      return { aggregateId: data.customerId, type: COMPLAINT_SETTLEMENT_APPROVED, data };
    }
    case 'CaseNotEstablished': {
      const d = event.data;
      const data = parseComplaintNotEstablishedV1({
        caseId: d.caseId,
        caseNumber: d.caseNumber,
        customerId: d.customerId,
        decidedAt: d.decidedAt,
      });
      return { aggregateId: data.customerId, type: COMPLAINT_NOT_ESTABLISHED, data };
    }
    default:
      return null;
  }
};
