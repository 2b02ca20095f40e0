import type { StoredEvent } from '@crm/event-store';
import type { ContractEvent } from '@crm/messaging';
import type { FineIssued } from '@crm/invitations-domain';
import {
  ATTENDANCE_RECORDED,
  EVENT_SALE_RECORDED,
  INVITATION_CONFIRMED,
  INVITATION_CONFLICT_AWAITING_RULING,
  INVITATION_LIST_DUE_SOON,
  parseInvitationListDueSoonV1,
  INVITATION_CONFLICT_RULED,
  parseInvitationConflictAwaitingRulingV1,
  parseAttendanceRecordedV1,
  parseEventSaleRecordedV1,
  parseInvitationConfirmedV1,
  parseInvitationConflictRuledV1,
} from '@crm/invitations-contracts';
import { FINE_ISSUED_CONTRACT, parseFineIssuedContract } from '@crm/penalties-contracts';

/**
 * The only door out of the invitations event store. Each public event is re-read through its
 * contract parser, which copies the contract's fields only: an internal field (e.g. `access`,
 * `recordedBy`) never leaks, and a payload that would break the contract fails here, not at the
 * consumer. Customer-related events are keyed by customer id (per-customer order for the customers
 * service); fines by joint event.
 */
type StoredFine = FineIssued['data'];

export const toInvitationsContract = (event: StoredEvent): ContractEvent | null => {
  switch (event.type) {
    case INVITATION_CONFIRMED: {
      const data = parseInvitationConfirmedV1(event.data);
      return { aggregateId: data.customerId, type: event.type, data };
    }
    case ATTENDANCE_RECORDED: {
      const data = parseAttendanceRecordedV1(event.data);
      return { aggregateId: data.customerId, type: event.type, data };
    }
    case EVENT_SALE_RECORDED: {
      const data = parseEventSaleRecordedV1(event.data);
      return { aggregateId: data.customerId, type: event.type, data };
    }
    case INVITATION_CONFLICT_RULED: {
      const data = parseInvitationConflictRuledV1(event.data);
      return { aggregateId: data.customerId, type: event.type, data };
    }
    // A conflict no rule decides waits for a person: the coordinator, or the GM once escalated.
    case 'InvitationConflictDetected': {
      if (event.data['queuedForCoordinator'] !== true) return null;
      const data = parseInvitationConflictAwaitingRulingV1({
        jointEventId: event.data['jointEventId'],
        customerId: event.data['customerId'],
        ruler: 'coordinator',
        awaitingSince: event.data['detectedAt'],
      });
      return { aggregateId: data.customerId, type: INVITATION_CONFLICT_AWAITING_RULING, data };
    }
    case 'InvitationConflictEscalated': {
      const data = parseInvitationConflictAwaitingRulingV1({
        jointEventId: event.data['jointEventId'],
        customerId: event.data['customerId'],
        ruler: 'gm',
        awaitingSince: event.data['escalatedAt'],
      });
      return { aggregateId: data.customerId, type: INVITATION_CONFLICT_AWAITING_RULING, data };
    }
    case 'InvitationListsDueSoon': {
      const data = parseInvitationListDueSoonV1(event.data);
      return { aggregateId: data.jointEventId, type: INVITATION_LIST_DUE_SOON, data };
    }
    case FINE_ISSUED_CONTRACT: {
      // The company-wide public fine (penalties contract); the stored event keeps its own shape.
      const d = event.data as unknown as StoredFine;
      const data = parseFineIssuedContract({
        contractVersion: 1,
        fineId: d.fineId,
        sourceService: 'invitations',
        payee: {
          bu: d.bu,
          post: d.role,
          ...(d.employeeId !== undefined ? { employeeId: d.employeeId } : {}),
        },
        amountFen: d.amountFen,
        currency: 'CNY',
        rule: d.rule,
        policyVersion: d.policyVersion,
        cause: {
          streamId: event.streamId,
          eventId: event.id,
          link: `/invitations/events/${d.jointEventId}`,
          reference: d.jointEventId,
        },
        issuedAt: d.issuedAt,
        reason: d.reason,
      });
      return { aggregateId: d.jointEventId, type: FINE_ISSUED_CONTRACT, data };
    }
    default:
      return null;
  }
};
