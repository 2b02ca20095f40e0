import type { ComplaintFineIssuedV1 } from '@crm/complaints-contracts';
import type { FineIssuedV1 as InvitationFineIssuedLegacy } from '@crm/invitations-contracts';
import type { KafkaEnvelope } from '@crm/messaging';
import type { FineIssuedContractV1 } from '@crm/penalties-contracts';

/**
 * The per-service shapes published before the one `FineIssued` contract, mapped to it: a topic's
 * history still holds them, and the ledger reads the whole history. Their cause comes from the envelope.
 */
export const fromComplaintFineLegacy = (
  fine: ComplaintFineIssuedV1,
  envelope: KafkaEnvelope,
): FineIssuedContractV1 => ({
  contractVersion: 1,
  fineId: fine.fineId,
  sourceService: 'complaints',
  payee:
    fine.payeeRole === 'bu_manager'
      ? { bu: fine.payeeBu, post: 'bu_manager' }
      : {
          bu: fine.payeeBu,
          ...(fine.payeeEmployeeId !== undefined ? { employeeId: fine.payeeEmployeeId } : { post: 'staff' }),
        },
  amountFen: fine.amountFen,
  currency: 'CNY',
  rule: fine.rule,
  policyVersion: fine.policyVersion,
  cause: {
    streamId: envelope.streamId,
    eventId: envelope.eventId,
    link: `/api/complaints/cases/${fine.caseId}`,
    reference: fine.caseNumber,
  },
  issuedAt: fine.issuedAt,
  reason: `${fine.rule} (case ${fine.caseNumber})`,
});

export const fromInvitationFineLegacy = (
  fine: InvitationFineIssuedLegacy,
  envelope: KafkaEnvelope,
): FineIssuedContractV1 => ({
  contractVersion: 1,
  fineId: fine.fineId,
  sourceService: 'invitations',
  payee: {
    bu: fine.bu,
    post: fine.role,
    ...(fine.employeeId !== undefined ? { employeeId: fine.employeeId } : {}),
  },
  amountFen: fine.amountFen,
  currency: 'CNY',
  rule: fine.rule,
  policyVersion: fine.policyVersion,
  cause: {
    streamId: envelope.streamId,
    eventId: envelope.eventId,
    link: `/invitations/events/${fine.jointEventId}`,
    reference: fine.jointEventId,
  },
  issuedAt: fine.issuedAt,
  reason: fine.reason,
});
