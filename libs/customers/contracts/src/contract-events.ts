import { CUSTOMER_REGISTERED, type CustomerRegisteredV1 } from './customer-registered';
import {
  CUSTOMER_FORGOTTEN,
  CUSTOMER_LAPSE_CLEARED,
  CUSTOMER_OWNERSHIP_CHANGED,
  CUSTOMER_SERVICE_LAPSED,
  type CustomerForgottenV1,
  type CustomerLapseClearedV1,
  type CustomerOwnershipChangedV1,
  type CustomerServiceLapsedV1,
} from './customer-ownership';
import {
  BUSINESS_UNIT_OPENED,
  type BusinessUnitOpenedV1,
  STAFF_MEMBER_JOINED,
  STAFF_MEMBER_STATUS_CHANGED,
  STAFF_MEMBER_POSTS_CHANGED,
  STAFF_MEMBER_EMAIL_CHANGED,
  type StaffMemberPostsChangedV1,
  type StaffMemberEmailChangedV1,
  type StaffMemberJoinedV1,
  type StaffMemberStatusChangedV1,
} from './staff-directory';
import { REFERRAL_POINTS_AWARDED, type ReferralPointsAwardedV1 } from './referral-points';
import { CUSTOMER_CONSENT_CHANGED, type CustomerConsentChangedV1 } from './customer-consent';

/** Every event type the customers service publishes on {@link CUSTOMERS_TOPIC}; nothing else leaves it. */
export const CUSTOMERS_CONTRACT_EVENT_TYPES = [
  CUSTOMER_REGISTERED,
  CUSTOMER_OWNERSHIP_CHANGED,
  CUSTOMER_SERVICE_LAPSED,
  CUSTOMER_LAPSE_CLEARED,
  CUSTOMER_FORGOTTEN,
  BUSINESS_UNIT_OPENED,
  STAFF_MEMBER_JOINED,
  STAFF_MEMBER_STATUS_CHANGED,
  STAFF_MEMBER_POSTS_CHANGED,
  STAFF_MEMBER_EMAIL_CHANGED,
  REFERRAL_POINTS_AWARDED,
  CUSTOMER_CONSENT_CHANGED,
] as const;
export type CustomersContractEventType = (typeof CUSTOMERS_CONTRACT_EVENT_TYPES)[number];

export type CustomersContractEvent =
  | { readonly type: typeof CUSTOMER_REGISTERED; readonly data: CustomerRegisteredV1 }
  | { readonly type: typeof CUSTOMER_OWNERSHIP_CHANGED; readonly data: CustomerOwnershipChangedV1 }
  | { readonly type: typeof CUSTOMER_SERVICE_LAPSED; readonly data: CustomerServiceLapsedV1 }
  | { readonly type: typeof CUSTOMER_LAPSE_CLEARED; readonly data: CustomerLapseClearedV1 }
  | { readonly type: typeof CUSTOMER_FORGOTTEN; readonly data: CustomerForgottenV1 }
  | { readonly type: typeof BUSINESS_UNIT_OPENED; readonly data: BusinessUnitOpenedV1 }
  | { readonly type: typeof STAFF_MEMBER_JOINED; readonly data: StaffMemberJoinedV1 }
  | { readonly type: typeof STAFF_MEMBER_STATUS_CHANGED; readonly data: StaffMemberStatusChangedV1 }
  | { readonly type: typeof STAFF_MEMBER_POSTS_CHANGED; readonly data: StaffMemberPostsChangedV1 }
  | { readonly type: typeof STAFF_MEMBER_EMAIL_CHANGED; readonly data: StaffMemberEmailChangedV1 }
  | { readonly type: typeof REFERRAL_POINTS_AWARDED; readonly data: ReferralPointsAwardedV1 }
  | { readonly type: typeof CUSTOMER_CONSENT_CHANGED; readonly data: CustomerConsentChangedV1 };

export const isCustomersContractEventType = (type: string): type is CustomersContractEventType =>
  (CUSTOMERS_CONTRACT_EVENT_TYPES as readonly string[]).includes(type);
