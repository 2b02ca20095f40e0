/**
 * The posts an employee may hold: the role names tokens carry (domain §1). The directory records
 * who holds which post, so "who held post P in BU B at instant T" is answerable from its history.
 */
export const STAFF_POSTS = [
  'staff',
  'bu_manager',
  'crm_clerk',
  'coordinator',
  'resource_director',
  'gm',
  'cs_agent',
  'cs_manager',
  'handler',
  'account_supervisor',
  'marketing_manager',
  'credit_controller',
  'marketing_vp',
  'cfo',
  'chairman',
  'auditor',
  'analyst',
  'admin',
] as const;
export type StaffPost = (typeof STAFF_POSTS)[number];

/** Posts a BU manager may give or take within their own BU; the others are the GM's or an admin's. */
export const BU_MANAGED_POSTS: readonly StaffPost[] = [
  'staff',
  'cs_agent',
  'handler',
  'account_supervisor',
  'marketing_manager',
];

/** Joining without posts (and every employee who joined before posts were recorded) holds `staff`. */
export const DEFAULT_POSTS: readonly StaffPost[] = ['staff'];

export const isStaffPost = (value: string): value is StaffPost =>
  (STAFF_POSTS as readonly string[]).includes(value);

/** The head-office unit (总部): opened like a BU, never owns customers nor takes part in allocation. */
export const HEAD_OFFICE_BU = 'hq';
