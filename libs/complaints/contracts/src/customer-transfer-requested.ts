import { readPayload } from '@crm/contract-fields';

export const CUSTOMER_TRANSFER_REQUESTED = 'CustomerTransferRequested';

/**
 * A complaint or grievance stayed unresolved past its deadline (CMP-32, ARC-71): the customer must
 * move to an employee of another BU. The customers service decides who; `requestId` is stable, so
 * a redelivered request is acted on once.
 */
export type CustomerTransferRequestedV1 = {
  readonly requestId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly customerId: string;
  readonly fromBu: string;
  readonly employeeId: string;
  readonly requestedAt: string;
  readonly rule: string;
  readonly policyVersion: number;
};

export const parseCustomerTransferRequestedV1 = (data: unknown): CustomerTransferRequestedV1 => {
  const r = readPayload(CUSTOMER_TRANSFER_REQUESTED, data);
  return {
    requestId: r.text('requestId'),
    caseId: r.text('caseId'),
    caseNumber: r.text('caseNumber'),
    customerId: r.text('customerId'),
    fromBu: r.text('fromBu'),
    employeeId: r.text('employeeId'),
    requestedAt: r.instant('requestedAt'),
    rule: r.text('rule'),
    policyVersion: r.integer('policyVersion', { min: 1 }),
  };
};
