import type { ContractCatalog } from '@crm/contract-fields';
import { INVITATIONS_TOPIC } from './invitations-topic';
import {
  ATTENDANCE_RECORDED,
  EVENT_SALE_RECORDED,
  INVITATION_CONFIRMED,
  parseAttendanceRecordedV1,
  parseEventSaleRecordedV1,
  parseInvitationConfirmedV1,
} from './customer-activity';
import {
  FINE_ISSUED,
  INVITATION_CONFLICT_RULED,
  parseFineIssuedV1,
  parseInvitationConflictRuledV1,
} from './rulings-and-fines';

/** What the invitations service publishes: the relay validates against it, the AsyncAPI document is made from it. */
export const INVITATIONS_CONTRACTS: ContractCatalog = {
  service: 'invitations',
  topic: INVITATIONS_TOPIC,
  title: 'Invitations, attendance, sales at joint events, conflict rulings and filing fines',
  parsers: {
    [INVITATION_CONFIRMED]: parseInvitationConfirmedV1,
    [ATTENDANCE_RECORDED]: parseAttendanceRecordedV1,
    [EVENT_SALE_RECORDED]: parseEventSaleRecordedV1,
    [INVITATION_CONFLICT_RULED]: parseInvitationConflictRuledV1,
    [FINE_ISSUED]: parseFineIssuedV1,
  },
};
