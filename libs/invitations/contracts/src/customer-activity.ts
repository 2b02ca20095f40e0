import { readPayload } from '@crm/contract-fields';

/**
 * The three facts the customers service consumes from invitations (domain §6): each is qualifying
 * service for the lapse clock, and attendance and sales drive referral points.
 */
export const INVITATION_CONFIRMED = 'InvitationConfirmed';
export const ATTENDANCE_RECORDED = 'AttendanceRecorded';
export const EVENT_SALE_RECORDED = 'EventSaleRecorded';

/** A BU's employee confirmed the customer for a joint event; `countsForDay` is the Asia/Shanghai filing day (INV-03). */
export type InvitationConfirmedV1 = {
  readonly invitationId: string;
  readonly jointEventId: string;
  readonly customerId: string;
  readonly bu: string;
  readonly employeeId: string;
  readonly confirmedAt: string;
  readonly countsForDay: string;
};

/** The customer checked in at the joint event (a club meeting, for referral points). */
export type AttendanceRecordedV1 = {
  readonly jointEventId: string;
  readonly customerId: string;
  readonly attendedAt: string;
  readonly inviterBu: string;
  readonly inviterEmployeeId: string;
};

/** A sale to the customer at the event, credited 100 % to the current inviter (INV-11). */
export type EventSaleRecordedV1 = {
  readonly saleId: string;
  readonly jointEventId: string;
  readonly customerId: string;
  readonly amountFen: number;
  readonly soldAt: string;
  readonly inviterBu: string;
  readonly inviterEmployeeId: string;
  readonly assistedBy?: string;
};

export const parseInvitationConfirmedV1 = (data: unknown): InvitationConfirmedV1 => {
  const r = readPayload(INVITATION_CONFIRMED, data);
  return {
    invitationId: r.text('invitationId'),
    jointEventId: r.text('jointEventId'),
    customerId: r.text('customerId'),
    bu: r.text('bu'),
    employeeId: r.text('employeeId'),
    confirmedAt: r.instant('confirmedAt'),
    countsForDay: r.day('countsForDay'),
  };
};

export const parseAttendanceRecordedV1 = (data: unknown): AttendanceRecordedV1 => {
  const r = readPayload(ATTENDANCE_RECORDED, data);
  return {
    jointEventId: r.text('jointEventId'),
    customerId: r.text('customerId'),
    attendedAt: r.instant('attendedAt'),
    inviterBu: r.text('inviterBu'),
    inviterEmployeeId: r.text('inviterEmployeeId'),
  };
};

export const parseEventSaleRecordedV1 = (data: unknown): EventSaleRecordedV1 => {
  const r = readPayload(EVENT_SALE_RECORDED, data);
  const assistedBy = r.optionalText('assistedBy');
  return {
    saleId: r.text('saleId'),
    jointEventId: r.text('jointEventId'),
    customerId: r.text('customerId'),
    amountFen: r.fen('amountFen'),
    soldAt: r.instant('soldAt'),
    inviterBu: r.text('inviterBu'),
    inviterEmployeeId: r.text('inviterEmployeeId'),
    ...(assistedBy === undefined ? {} : { assistedBy }),
  };
};
