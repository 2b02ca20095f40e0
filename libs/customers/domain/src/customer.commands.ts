import type { DomainCommand } from '@crm/event-sourcing';
import type {
  ConsentChannel,
  ConsentPurpose,
  OwnershipReason,
  PointsCause,
  ServiceKind,
  ValueTier,
} from './customer.events';

/** How the customer came to us (domain §2.1); `outreach` is a 科普 seminar. */
export const REGISTRATION_SOURCES = ['outreach', 'walk_in', 'phone', 'referral', 'event'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

export const isRegistrationSource = (value: unknown): value is RegistrationSource =>
  typeof value === 'string' && (REGISTRATION_SOURCES as readonly string[]).includes(value);

/**
 * Plain personal data travels only in the command (in memory, never stored); the decision seals it
 * before it becomes part of an event.
 */
export type RegisterCustomer = DomainCommand<
  'RegisterCustomer',
  {
    readonly customerId: string;
    readonly source: RegistrationSource;
    readonly name: string;
    readonly mobile: string;
    readonly address?: string;
    readonly referredBy?: string;
  }
>;

/** Qualifying service (domain §2.3); who served comes from the command, not the actor, for Kafka facts. */
export type RecordService = DomainCommand<
  'RecordService',
  {
    readonly customerId: string;
    readonly kind: ServiceKind;
    readonly reference: string;
    readonly servedAt: string;
    readonly byBu: string;
    readonly byEmployeeId: string;
    readonly amountFen?: number;
  }
>;

/** Issued by the lapse timer; the policy's period travels in the command (policy version in the context). */
export type MarkLapsed = DomainCommand<
  'MarkLapsed',
  { readonly customerId: string; readonly lapseAfterMonths: number }
>;

export type ReassignCustomer = DomainCommand<
  'ReassignCustomer',
  {
    readonly customerId: string;
    readonly toBu: string;
    readonly toEmployeeId: string;
    readonly reason: Exclude<OwnershipReason, 'ownership_ruling'>;
    readonly basis: Readonly<Record<string, unknown>>;
  }
>;

export type RuleOwnershipDispute = DomainCommand<
  'RuleOwnershipDispute',
  {
    readonly customerId: string;
    readonly claimantBu: string;
    readonly claimantEmployeeId: string;
    /** When the claimant says they registered the customer (the evidence). */
    readonly claimantRegisteredAt: string;
    readonly evidence: string;
  }
>;

/** Policy parameters of referral points (⚙ domain §2.6). */
export interface PointsPolicy {
  readonly pointsPerAttendance: number;
  readonly pointsPerPurchaseStep: number;
  readonly purchaseStepFen: number;
}

export type AwardReferralPoints = DomainCommand<
  'AwardReferralPoints',
  {
    /** The referrer, who earns the points. */
    readonly customerId: string;
    readonly refereeId: string;
    readonly cause: PointsCause;
    /** The meeting (joint event id) for attendance, the sale id for a purchase. */
    readonly reference: string;
    readonly amountFen?: number;
    readonly policy: PointsPolicy;
  }
>;

export type RedeemPoints = DomainCommand<
  'RedeemPoints',
  { readonly customerId: string; readonly points: number; readonly reference: string }
>;

/** Thresholds on purchase totals (⚙ domain §2.7). */
export interface TierThresholds {
  readonly importantFromFen: number;
  readonly normalFromFen: number;
}

export type ClassifyCustomer = DomainCommand<
  'ClassifyCustomer',
  | { readonly customerId: string; readonly mode: 'manual'; readonly tier: ValueTier; readonly note?: string }
  | { readonly customerId: string; readonly mode: 'policy'; readonly thresholds: TierThresholds }
>;

export type ForgetCustomer = DomainCommand<'ForgetCustomer', { readonly customerId: string }>;

/**
 * New values travel plain in the command only; absent fields keep their value, an empty `address`
 * removes it. The decision seals the resulting personal data like a registration does.
 */
export type CorrectCustomerData = DomainCommand<
  'CorrectCustomerData',
  {
    readonly customerId: string;
    readonly changes: {
      readonly name?: string;
      readonly mobile?: string;
      readonly address?: string;
    };
    readonly reason: string;
  }
>;

/** The consent as it now stands (the whole set of purposes), not a difference. */
export type RecordConsent = DomainCommand<
  'RecordConsent',
  {
    readonly customerId: string;
    readonly purposes: readonly ConsentPurpose[];
    readonly marketingOptOut: boolean;
    readonly channel: ConsentChannel;
    readonly note?: string;
  }
>;

export type CustomerCommand =
  | RegisterCustomer
  | RecordService
  | MarkLapsed
  | ReassignCustomer
  | RuleOwnershipDispute
  | AwardReferralPoints
  | RedeemPoints
  | ClassifyCustomer
  | ForgetCustomer
  | CorrectCustomerData
  | RecordConsent;
