import type { ContractCatalog } from '@crm/contract-fields';
import { FINE_ISSUED_CONTRACT, parseFineIssuedContract } from '@crm/penalties-contracts';
import { INVITATIONS_TOPIC } from './invitations-topic';
import {
  ATTENDANCE_RECORDED,
  EVENT_SALE_RECORDED,
  INVITATION_CONFIRMED,
  parseAttendanceRecordedV1,
  parseEventSaleRecordedV1,
  parseInvitationConfirmedV1,
} from './customer-activity';
import { INVITATION_CONFLICT_RULED, parseInvitationConflictRuledV1 } from './rulings-and-fines';
import {
  INVITATION_CONFLICT_AWAITING_RULING,
  parseInvitationConflictAwaitingRulingV1,
} from './conflict-awaiting-ruling';
import { INVITATION_LIST_DUE_SOON, parseInvitationListDueSoonV1 } from './list-due-soon';

/** What the invitations service publishes: the relay validates against it, the AsyncAPI document is made from it. */
export const INVITATIONS_CONTRACTS: ContractCatalog = {
  service: 'invitations',
  topic: INVITATIONS_TOPIC,
  title:
    'Invitations, attendance, sales at joint events, conflicts awaiting and given rulings, lists due, filing fines',
  parsers: {
    [INVITATION_CONFIRMED]: parseInvitationConfirmedV1,
    [ATTENDANCE_RECORDED]: parseAttendanceRecordedV1,
    [EVENT_SALE_RECORDED]: parseEventSaleRecordedV1,
    [INVITATION_CONFLICT_RULED]: parseInvitationConflictRuledV1,
    // Fines go out in the company-wide shape (the older own shape is only read from the history).
    [FINE_ISSUED_CONTRACT]: parseFineIssuedContract,
    [INVITATION_CONFLICT_AWAITING_RULING]: parseInvitationConflictAwaitingRulingV1,
    [INVITATION_LIST_DUE_SOON]: parseInvitationListDueSoonV1,
  },
};
