import { readPayload } from '@crm/contract-fields';

export const BUSINESS_UNIT_OPENED = 'BusinessUnitOpened';
export const STAFF_MEMBER_JOINED = 'StaffMemberJoined';
export const STAFF_MEMBER_STATUS_CHANGED = 'StaffMemberStatusChanged';

export const STAFF_STATUSES = ['active', 'long_leave', 'left'] as const;
export type StaffStatusV1 = (typeof STAFF_STATUSES)[number];

export const STAFF_CHANGES = ['long_leave', 'returned', 'transferred', 'left'] as const;
export type StaffChangeV1 = (typeof STAFF_CHANGES)[number];

/** A business unit now shares the customer pool (domain §1, §2.8). */
export type BusinessUnitOpenedV1 = {
  readonly buId: string;
  readonly name: string;
  readonly openedAt: string;
};

export const parseBusinessUnitOpenedV1 = (data: unknown): BusinessUnitOpenedV1 => {
  const r = readPayload(BUSINESS_UNIT_OPENED, data);
  return { buId: r.text('buId'), name: r.text('name'), openedAt: r.instant('openedAt') };
};

/** An employee joined `bu` (domain §2.8); other services learn who may invite, handle or sell. */
export type StaffMemberJoinedV1 = {
  readonly employeeId: string;
  readonly bu: string;
  readonly displayName: string;
  readonly joinedAt: string;
};

/** Long leave, return, transfer (then `bu` is the new BU, `fromBu` the old one) or leaving the company. */
export type StaffMemberStatusChangedV1 = {
  readonly employeeId: string;
  readonly change: StaffChangeV1;
  readonly status: StaffStatusV1;
  readonly bu: string;
  readonly fromBu?: string;
  readonly changedAt: string;
};

export const parseStaffMemberJoinedV1 = (data: unknown): StaffMemberJoinedV1 => {
  const r = readPayload(STAFF_MEMBER_JOINED, data);
  return {
    employeeId: r.text('employeeId'),
    bu: r.text('bu'),
    displayName: r.text('displayName'),
    joinedAt: r.instant('joinedAt'),
  };
};

export const parseStaffMemberStatusChangedV1 = (data: unknown): StaffMemberStatusChangedV1 => {
  const r = readPayload(STAFF_MEMBER_STATUS_CHANGED, data);
  const fromBu = r.optionalText('fromBu');
  return {
    employeeId: r.text('employeeId'),
    change: r.oneOf('change', STAFF_CHANGES),
    status: r.oneOf('status', STAFF_STATUSES),
    bu: r.text('bu'),
    ...(fromBu !== undefined ? { fromBu } : {}),
    changedAt: r.instant('changedAt'),
  };
};
