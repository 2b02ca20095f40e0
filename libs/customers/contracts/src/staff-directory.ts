import { readPayload } from '@crm/contract-fields';

export const BUSINESS_UNIT_OPENED = 'BusinessUnitOpened';
export const STAFF_MEMBER_JOINED = 'StaffMemberJoined';
export const STAFF_MEMBER_STATUS_CHANGED = 'StaffMemberStatusChanged';
export const STAFF_MEMBER_POSTS_CHANGED = 'StaffMemberPostsChanged';
export const STAFF_MEMBER_EMAIL_CHANGED = 'StaffMemberEmailChanged';

/** Members who joined before posts were published hold this post. */
export const DEFAULT_STAFF_POSTS: readonly string[] = ['staff'];

export const STAFF_STATUSES = ['active', 'long_leave', 'left'] as const;
export type StaffStatusV1 = (typeof STAFF_STATUSES)[number];

export const STAFF_CHANGES = ['long_leave', 'returned', 'transferred', 'left'] as const;
export type StaffChangeV1 = (typeof STAFF_CHANGES)[number];

/** A business unit now shares the customer pool (domain §1, §2.8). */
export type BusinessUnitOpenedV1 = {
  readonly buId: string;
  readonly name: string;
  /** The head-office unit (`hq`): never owns customers nor takes part in allocation. Absent: false. */
  readonly headOffice?: boolean;
  readonly openedAt: string;
};

export const parseBusinessUnitOpenedV1 = (data: unknown): BusinessUnitOpenedV1 => {
  const r = readPayload(BUSINESS_UNIT_OPENED, data);
  const headOffice =
    (data as { headOffice?: unknown }).headOffice === undefined ? false : r.boolean('headOffice');
  return {
    buId: r.text('buId'),
    name: r.text('name'),
    ...(headOffice ? { headOffice } : {}),
    openedAt: r.instant('openedAt'),
  };
};

/** An employee joined `bu` (domain §2.8); other services learn who may invite, handle or sell. */
export type StaffMemberJoinedV1 = {
  readonly employeeId: string;
  readonly bu: string;
  readonly displayName: string;
  /** Posts held on joining (role names); absent in messages older than posts: `['staff']`. */
  readonly posts: readonly string[];
  readonly email?: string;
  readonly joinedAt: string;
};

/** Appointed to or relieved of a post: `posts` is the whole set held from `changedAt`. */
export type StaffMemberPostsChangedV1 = {
  readonly employeeId: string;
  readonly bu: string;
  readonly posts: readonly string[];
  readonly changedAt: string;
};

/** The member's work e-mail changed. */
export type StaffMemberEmailChangedV1 = {
  readonly employeeId: string;
  readonly bu: string;
  readonly email: string;
  readonly changedAt: string;
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
  const email = r.optionalText('email');
  return {
    employeeId: r.text('employeeId'),
    bu: r.text('bu'),
    displayName: r.text('displayName'),
    posts: (data as { posts?: unknown }).posts === undefined ? DEFAULT_STAFF_POSTS : r.textList('posts'),
    ...(email !== undefined ? { email } : {}),
    joinedAt: r.instant('joinedAt'),
  };
};

export const parseStaffMemberPostsChangedV1 = (data: unknown): StaffMemberPostsChangedV1 => {
  const r = readPayload(STAFF_MEMBER_POSTS_CHANGED, data);
  return {
    employeeId: r.text('employeeId'),
    bu: r.text('bu'),
    posts: r.textList('posts'),
    changedAt: r.instant('changedAt'),
  };
};

export const parseStaffMemberEmailChangedV1 = (data: unknown): StaffMemberEmailChangedV1 => {
  const r = readPayload(STAFF_MEMBER_EMAIL_CHANGED, data);
  return {
    employeeId: r.text('employeeId'),
    bu: r.text('bu'),
    email: r.text('email'),
    changedAt: r.instant('changedAt'),
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
