import type { ContractCatalog } from '@crm/contract-fields';
import { FINE_ISSUED_CONTRACT, parseFineIssuedContract } from '@crm/penalties-contracts';
import { COMPLAINTS_TOPIC } from './complaints-topic';
import {
  COMPLAINT_CASE_OVERDUE,
  COMPLAINT_CASE_REGISTERED,
  parseComplaintCaseOverdueV1,
  parseComplaintCaseRegisteredV1,
} from './complaint-case-events';
import {
  COMPLAINT_NOT_ESTABLISHED,
  COMPLAINT_SETTLEMENT_APPROVED,
  parseComplaintNotEstablishedV1,
  parseComplaintSettlementApprovedV1,
} from './complaint-settlement';
import { CUSTOMER_TRANSFER_REQUESTED, parseCustomerTransferRequestedV1 } from './customer-transfer-requested';
import {
  COMPLAINT_DEADLINE_WARNING_ISSUED,
  COMPLAINT_MAJOR_CASE_NOTIFIED,
  COMPLAINT_OVERDUE_REMINDER_ISSUED,
  parseComplaintDeadlineWarningIssuedV1,
  parseComplaintMajorCaseNotifiedV1,
  parseComplaintOverdueReminderIssuedV1,
} from './complaint-notices';

/** What the complaints service publishes: the relay validates against it, the AsyncAPI document is made from it. */
export const COMPLAINTS_CONTRACTS: ContractCatalog = {
  service: 'complaints',
  topic: COMPLAINTS_TOPIC,
  title: 'Complaint cases, deadlines, fines, settlements and transfer requests',
  parsers: {
    [COMPLAINT_CASE_REGISTERED]: parseComplaintCaseRegisteredV1,
    [COMPLAINT_CASE_OVERDUE]: parseComplaintCaseOverdueV1,
    // Fines go out in the company-wide shape (ComplaintFineIssued is only read from the history).
    [FINE_ISSUED_CONTRACT]: parseFineIssuedContract,
    [CUSTOMER_TRANSFER_REQUESTED]: parseCustomerTransferRequestedV1,
    [COMPLAINT_SETTLEMENT_APPROVED]: parseComplaintSettlementApprovedV1,
    [COMPLAINT_NOT_ESTABLISHED]: parseComplaintNotEstablishedV1,
    [COMPLAINT_MAJOR_CASE_NOTIFIED]: parseComplaintMajorCaseNotifiedV1,
    [COMPLAINT_DEADLINE_WARNING_ISSUED]: parseComplaintDeadlineWarningIssuedV1,
    [COMPLAINT_OVERDUE_REMINDER_ISSUED]: parseComplaintOverdueReminderIssuedV1,
  },
};
