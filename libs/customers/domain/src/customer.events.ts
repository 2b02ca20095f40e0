import type { DomainEvent } from '@crm/event-sourcing';
import type { RegistrationSource } from './customer.commands';
import type { SealedPersonalData } from './personal-data';

/**
 * A customer record was created (domain §2.1). `registeredAt` is server time and never changes: it
 * is the evidence for first-registration disputes (ARC-20). Personal data is sealed, never plain.
 */
export type CustomerRegistered = DomainEvent<'CustomerRegistered', RegisteredCustomerFacts>;

/**
 * What registration establishes about a customer; the record's state starts as exactly this. A type
 * alias, not an interface, so it stays assignable to the store's `Record<string, unknown>` data.
 */
export type RegisteredCustomerFacts = {
  readonly customerId: string;
  readonly source: RegistrationSource;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly registeredAt: string;
  readonly referredBy?: string;
  readonly personalData: SealedPersonalData;
};

/** Qualifying service (domain §2.3): a visit, a call, or a fact from the invitations service. */
export const SERVICE_KINDS = [
  'home_visit',
  'phone_contact',
  'invitation_confirmed',
  'attendance',
  'sale',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/**
 * `byOwner`: the owning BU served the customer, which restarts the lapse clock (ARC-70). Service by
 * another BU (possible once the customer is lapsed and open) is recorded but restarts nothing.
 */
export type CustomerServiceRecorded = DomainEvent<
  'CustomerServiceRecorded',
  {
    readonly customerId: string;
    readonly kind: ServiceKind;
    /** What proves it: a visit note id, an invitation id, a sale id. */
    readonly reference: string;
    readonly servedAt: string;
    readonly byBu: string;
    readonly byEmployeeId: string;
    readonly byOwner: boolean;
    readonly amountFen?: number;
  }
>;

export type CustomerServiceLapsed = DomainEvent<
  'CustomerServiceLapsed',
  {
    readonly customerId: string;
    readonly ownerBu: string;
    readonly ownerEmployeeId: string;
    readonly lastServiceAt: string;
    readonly lapsedAt: string;
    readonly lapseAfterMonths: number;
    readonly policyVersion: string;
  }
>;

export type CustomerLapseCleared = DomainEvent<
  'CustomerLapseCleared',
  { readonly customerId: string; readonly ownerBu: string; readonly clearedAt: string }
>;

export const OWNERSHIP_REASONS = [
  'batch_allocation',
  'director_decision',
  'service_lapse',
  'unresolved_complaint',
  'staff_absence',
  'ownership_ruling',
] as const;
export type OwnershipReason = (typeof OWNERSHIP_REASONS)[number];

/** Every change of hands names its reason, decider, rule, basis and policy version (domain §2.4). */
export type CustomerOwnershipChanged = DomainEvent<
  'CustomerOwnershipChanged',
  {
    readonly customerId: string;
    readonly fromBu: string;
    readonly fromEmployeeId: string;
    readonly toBu: string;
    readonly toEmployeeId: string;
    readonly reason: OwnershipReason;
    readonly rule: string;
    readonly decidedBy: string;
    readonly policyVersion: string;
    readonly changedAt: string;
    /** The facts the decision rested on (candidates and loads, draw seed, evidence, request id). */
    readonly basis: Readonly<Record<string, unknown>>;
  }
>;

/** A claim by another employee, settled by registration evidence: earliest registration wins. */
export type OwnershipDisputeRuled = DomainEvent<
  'OwnershipDisputeRuled',
  {
    readonly customerId: string;
    readonly claimantBu: string;
    readonly claimantEmployeeId: string;
    readonly winner: 'owner' | 'claimant';
    readonly basis: {
      readonly ownerRegisteredAt: string;
      readonly claimantRegisteredAt: string;
      readonly evidence: string;
    };
    readonly rule: string;
    readonly decidedBy: string;
    readonly ruledAt: string;
  }
>;

export const POINTS_CAUSES = ['attendance', 'purchase'] as const;
export type PointsCause = (typeof POINTS_CAUSES)[number];

/** Credited to the referrer (ARC-110/111); `awardKey` makes each award happen once. */
export type ReferralPointsAwarded = DomainEvent<
  'ReferralPointsAwarded',
  {
    readonly customerId: string;
    readonly refereeId: string;
    readonly cause: PointsCause;
    readonly reference: string;
    readonly awardKey: string;
    readonly points: number;
    readonly amountFen?: number;
    readonly policyVersion: string;
    readonly awardedAt: string;
  }
>;

export type PointsRedeemed = DomainEvent<
  'PointsRedeemed',
  {
    readonly customerId: string;
    readonly points: number;
    readonly reference: string;
    readonly balanceAfter: number;
    readonly redeemedAt: string;
  }
>;

export const VALUE_TIERS = ['important', 'normal', 'potential'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

export type CustomerClassified = DomainEvent<
  'CustomerClassified',
  {
    readonly customerId: string;
    readonly tier: ValueTier;
    readonly previousTier?: ValueTier;
    readonly mode: 'manual' | 'policy';
    readonly basis: Readonly<Record<string, unknown>>;
    readonly policyVersion?: string;
    readonly decidedBy: string;
    readonly classifiedAt: string;
  }
>;

/** The key is deleted with this event (PIPL art. 47); the history stays, the personal data is gone. */
export type CustomerForgotten = DomainEvent<
  'CustomerForgotten',
  { readonly customerId: string; readonly forgottenAt: string; readonly decidedBy: string }
>;

/** Which personal-data fields a correction may change (CUS-05/06). */
export const CORRECTABLE_FIELDS = ['name', 'mobile', 'address'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/**
 * A compensating correction of the customer's personal data (CUS-06: never an in-place edit). The
 * new data is sealed with the customer's key like at registration; only the names of the changed
 * fields and the reason are in clear, so forgetting blinds the corrected values too.
 */
export type CustomerDataCorrected = DomainEvent<
  'CustomerDataCorrected',
  {
    readonly customerId: string;
    readonly fields: readonly CorrectableField[];
    readonly reason: string;
    readonly personalData: SealedPersonalData;
    readonly rule: string;
    readonly correctedBy: string;
    readonly correctedAt: string;
  }
>;

/** Purposes of use a customer can consent to (DAT-02, DAT-06, EVT-19). */
export const CONSENT_PURPOSES = [
  'service',
  'marketing',
  'event_invitation',
  'third_party_disclosure',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** How the customer told us (DAT-02 `channel`). */
export const CONSENT_CHANNELS = ['in_person', 'phone', 'written', 'online'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/**
 * The customer's consent as it now stands: the purposes granted and whether they opted out of
 * marketing (DAT-22: an opt-out blocks marketing, including joint-event invitations). Each record
 * carries the whole set, so the history reads without replaying differences.
 */
export type CustomerConsentRecorded = DomainEvent<
  'CustomerConsentRecorded',
  {
    readonly customerId: string;
    readonly purposes: readonly ConsentPurpose[];
    readonly marketingOptedOut: boolean;
    readonly channel: ConsentChannel;
    readonly note?: string;
    readonly rule: string;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

export type CustomerEvent =
  | CustomerRegistered
  | CustomerServiceRecorded
  | CustomerServiceLapsed
  | CustomerLapseCleared
  | CustomerOwnershipChanged
  | OwnershipDisputeRuled
  | ReferralPointsAwarded
  | PointsRedeemed
  | CustomerClassified
  | CustomerForgotten
  | CustomerDataCorrected
  | CustomerConsentRecorded;

export const CUSTOMER_EVENT_TYPES: readonly CustomerEvent['type'][] = [
  'CustomerRegistered',
  'CustomerServiceRecorded',
  'CustomerServiceLapsed',
  'CustomerLapseCleared',
  'CustomerOwnershipChanged',
  'OwnershipDisputeRuled',
  'ReferralPointsAwarded',
  'PointsRedeemed',
  'CustomerClassified',
  'CustomerForgotten',
  'CustomerDataCorrected',
  'CustomerConsentRecorded',
];

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
