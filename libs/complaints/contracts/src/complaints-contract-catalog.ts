import type { ContractCatalog } from '@crm/contract-fields';
import { COMPLAINTS_TOPIC } from './complaints-topic';
import {
  COMPLAINT_CASE_OVERDUE,
  COMPLAINT_CASE_REGISTERED,
  COMPLAINT_FINE_ISSUED,
  parseComplaintCaseOverdueV1,
  parseComplaintCaseRegisteredV1,
  parseComplaintFineIssuedV1,
} from './complaint-case-events';
import {
  COMPLAINT_NOT_ESTABLISHED,
  COMPLAINT_SETTLEMENT_APPROVED,
  parseComplaintNotEstablishedV1,
  parseComplaintSettlementApprovedV1,
} from './complaint-settlement';
import { CUSTOMER_TRANSFER_REQUESTED, parseCustomerTransferRequestedV1 } from './customer-transfer-requested';

/** What the complaints service publishes: the relay validates against it, the AsyncAPI document is made from it. */
export const COMPLAINTS_CONTRACTS: ContractCatalog = {
  service: 'complaints',
  topic: COMPLAINTS_TOPIC,
  title: 'Complaint cases, deadlines, fines, settlements and transfer requests',
  parsers: {
    [COMPLAINT_CASE_REGISTERED]: parseComplaintCaseRegisteredV1,
    [COMPLAINT_CASE_OVERDUE]: parseComplaintCaseOverdueV1,
    [COMPLAINT_FINE_ISSUED]: parseComplaintFineIssuedV1,
    [CUSTOMER_TRANSFER_REQUESTED]: parseCustomerTransferRequestedV1,
    [COMPLAINT_SETTLEMENT_APPROVED]: parseComplaintSettlementApprovedV1,
    [COMPLAINT_NOT_ESTABLISHED]: parseComplaintNotEstablishedV1,
  },
};
