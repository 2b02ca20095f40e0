import type { ContractEvent } from '@crm/messaging';
import type { StoredEvent } from '@crm/event-store';
import {
  BUSINESS_UNIT_OPENED,
  parseBusinessUnitOpenedV1,
  CUSTOMER_CONSENT_CHANGED,
  CUSTOMER_FORGOTTEN,
  CUSTOMER_LAPSE_CLEARED,
  CUSTOMER_OWNERSHIP_CHANGED,
  CUSTOMER_REGISTERED,
  CUSTOMER_SERVICE_LAPSED,
  parseCustomerConsentChangedV1,
  parseCustomerForgottenV1,
  parseCustomerLapseClearedV1,
  parseCustomerOwnershipChangedV1,
  parseCustomerRegisteredV1,
  parseCustomerServiceLapsedV1,
  parseReferralPointsAwardedV1,
  parseStaffMemberJoinedV1,
  parseStaffMemberStatusChangedV1,
  parseStaffMemberPostsChangedV1,
  parseStaffMemberEmailChangedV1,
  REFERRAL_POINTS_AWARDED,
  STAFF_MEMBER_POSTS_CHANGED,
  STAFF_MEMBER_EMAIL_CHANGED,
  STAFF_MEMBER_JOINED,
  STAFF_MEMBER_STATUS_CHANGED,
  type StaffChangeV1,
  type StaffStatusV1,
} from '@crm/customers-contracts';
import { EMPLOYEE_EVENT_TYPES, type CustomerEvent, type EmployeeEvent } from '@crm/customers-domain';

/** Internal versions are `v1`, `v2.1`; the contract carries the major number (`policyVersion: 1`). */
export const policyVersionNumber = (version: string): number => {
  const match = /^v(\d+)/.exec(version);
  if (match === null) throw new Error(`policy version ${version} is not of the form vN`);
  return Number(match[1]);
};

type StatusEvent = Exclude<
  EmployeeEvent['type'],
  'EmployeeJoined' | 'EmployeeAppointedToPost' | 'EmployeeRelievedOfPost' | 'EmployeeEmailSet'
>;

const STAFF_CHANGE: Readonly<Record<StatusEvent, { change: StaffChangeV1; status: StaffStatusV1 }>> = {
  EmployeeLongLeaveStarted: { change: 'long_leave', status: 'long_leave' },
  EmployeeReturned: { change: 'returned', status: 'active' },
  EmployeeTransferred: { change: 'transferred', status: 'active' },
  EmployeeLeft: { change: 'left', status: 'left' },
};

const customerContract = (event: CustomerEvent): ContractEvent | null => {
  const aggregateId = event.data.customerId;
  // Each payload is re-validated against its contract: only contract fields leave, never internal ones.
  switch (event.type) {
    case 'CustomerRegistered':
      return { aggregateId, type: CUSTOMER_REGISTERED, data: parseCustomerRegisteredV1(event.data) };
    case 'CustomerOwnershipChanged':
      return {
        aggregateId,
        type: CUSTOMER_OWNERSHIP_CHANGED,
        data: parseCustomerOwnershipChangedV1({
          ...event.data,
          policyVersion: policyVersionNumber(event.data.policyVersion),
        }),
      };
    case 'CustomerServiceLapsed':
      return {
        aggregateId,
        type: CUSTOMER_SERVICE_LAPSED,
        data: parseCustomerServiceLapsedV1({
          ...event.data,
          policyVersion: policyVersionNumber(event.data.policyVersion),
        }),
      };
    case 'CustomerLapseCleared':
      return { aggregateId, type: CUSTOMER_LAPSE_CLEARED, data: parseCustomerLapseClearedV1(event.data) };
    case 'CustomerForgotten':
      return { aggregateId, type: CUSTOMER_FORGOTTEN, data: parseCustomerForgottenV1(event.data) };
    case 'CustomerConsentRecorded':
      return {
        aggregateId,
        type: CUSTOMER_CONSENT_CHANGED,
        data: parseCustomerConsentChangedV1({ ...event.data, changedAt: event.data.recordedAt }),
      };
    case 'ReferralPointsAwarded':
      return {
        aggregateId,
        type: REFERRAL_POINTS_AWARDED,
        data: parseReferralPointsAwardedV1({
          ...event.data,
          policyVersion: policyVersionNumber(event.data.policyVersion),
        }),
      };
    default:
      return null;
  }
};

const staffContract = (event: EmployeeEvent): ContractEvent => {
  const { employeeId, bu, at } = event.data;
  if (event.type === 'EmployeeJoined') {
    return {
      aggregateId: employeeId,
      type: STAFF_MEMBER_JOINED,
      data: parseStaffMemberJoinedV1({
        employeeId,
        bu,
        displayName: event.data.displayName,
        posts: event.data.posts,
        email: event.data.email,
        joinedAt: at,
      }),
    };
  }
  if (event.type === 'EmployeeAppointedToPost' || event.type === 'EmployeeRelievedOfPost') {
    return {
      aggregateId: employeeId,
      type: STAFF_MEMBER_POSTS_CHANGED,
      data: parseStaffMemberPostsChangedV1({ employeeId, bu, posts: event.data.posts, changedAt: at }),
    };
  }
  if (event.type === 'EmployeeEmailSet') {
    return {
      aggregateId: employeeId,
      type: STAFF_MEMBER_EMAIL_CHANGED,
      data: parseStaffMemberEmailChangedV1({ employeeId, bu, email: event.data.email, changedAt: at }),
    };
  }
  const transfer = event.type === 'EmployeeTransferred' ? { bu: event.data.toBu, fromBu: bu } : { bu };
  return {
    aggregateId: employeeId,
    type: STAFF_MEMBER_STATUS_CHANGED,
    data: parseStaffMemberStatusChangedV1({
      employeeId,
      ...STAFF_CHANGE[event.type],
      ...transfer,
      changedAt: at,
    }),
  };
};

const STAFF_TYPES = new Set<string>(EMPLOYEE_EVENT_TYPES);

/**
 * The only door out of the customers service's event store: maps internal events to the public
 * contract (libs/customers/contracts) field by field, so an internal field added later cannot leak
 * onto Kafka by accident. Internal events (mobile reservations, service records, batches, basis
 * details) return null and stay private.
 */
export const toCustomersContract = (event: StoredEvent): ContractEvent | null => {
  const domainEvent = { type: event.type, data: event.data };
  if (event.type === 'BusinessUnitOpened') {
    const data = parseBusinessUnitOpenedV1(event.data);
    return { aggregateId: data.buId, type: BUSINESS_UNIT_OPENED, data };
  }
  if (STAFF_TYPES.has(event.type)) return staffContract(domainEvent as EmployeeEvent);
  if (event.streamId.startsWith('customer-') && 'customerId' in event.data) {
    return customerContract(domainEvent as CustomerEvent);
  }
  return null;
};
