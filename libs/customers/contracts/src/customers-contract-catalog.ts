import type { ContractCatalog } from '@crm/contract-fields';
import { CUSTOMERS_TOPIC } from './customers-topic';
import type { CustomersContractEventType } from './contract-events';
import { CUSTOMER_REGISTERED, parseCustomerRegisteredV1 } from './customer-registered';
import {
  CUSTOMER_FORGOTTEN,
  CUSTOMER_LAPSE_CLEARED,
  CUSTOMER_OWNERSHIP_CHANGED,
  CUSTOMER_SERVICE_LAPSED,
  parseCustomerForgottenV1,
  parseCustomerLapseClearedV1,
  parseCustomerOwnershipChangedV1,
  parseCustomerServiceLapsedV1,
} from './customer-ownership';
import {
  BUSINESS_UNIT_OPENED,
  STAFF_MEMBER_JOINED,
  STAFF_MEMBER_STATUS_CHANGED,
  parseBusinessUnitOpenedV1,
  parseStaffMemberJoinedV1,
  parseStaffMemberStatusChangedV1,
} from './staff-directory';
import { REFERRAL_POINTS_AWARDED, parseReferralPointsAwardedV1 } from './referral-points';
import { CUSTOMER_CONSENT_CHANGED, parseCustomerConsentChangedV1 } from './customer-consent';

const parsers: Record<CustomersContractEventType, (data: unknown) => unknown> = {
  [CUSTOMER_REGISTERED]: parseCustomerRegisteredV1,
  [CUSTOMER_OWNERSHIP_CHANGED]: parseCustomerOwnershipChangedV1,
  [CUSTOMER_SERVICE_LAPSED]: parseCustomerServiceLapsedV1,
  [CUSTOMER_LAPSE_CLEARED]: parseCustomerLapseClearedV1,
  [CUSTOMER_FORGOTTEN]: parseCustomerForgottenV1,
  [BUSINESS_UNIT_OPENED]: parseBusinessUnitOpenedV1,
  [STAFF_MEMBER_JOINED]: parseStaffMemberJoinedV1,
  [STAFF_MEMBER_STATUS_CHANGED]: parseStaffMemberStatusChangedV1,
  [REFERRAL_POINTS_AWARDED]: parseReferralPointsAwardedV1,
  [CUSTOMER_CONSENT_CHANGED]: parseCustomerConsentChangedV1,
};

/** What the customers service publishes: the relay validates against it, the AsyncAPI document is made from it. */
export const CUSTOMERS_CONTRACTS: ContractCatalog = {
  service: 'customers',
  topic: CUSTOMERS_TOPIC,
  title: 'Customers, ownership, consent and the staff directory',
  parsers,
};
