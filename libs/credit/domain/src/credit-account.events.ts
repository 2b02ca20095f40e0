import type { DomainEvent } from '@crm/event-sourcing';
import type { DossierSection, DossierSections, RatingFacts } from './dossier';
import type { GrantEvaluation, GrantType, MonthlyAverages } from './grant-table';
import type { Grade, GradeComputation } from './rating';

/*
 * Events of one credit account (one counterparty). Type aliases, not interfaces, so they stay
 * assignable to the store's `Record<string, unknown>` data. Decisions carry `policyVersion`.
 */

export const COUNTERPARTY_KINDS = ['customer', 'supplier'] as const;
export type CounterpartyKind = (typeof COUNTERPARTY_KINDS)[number];

export const CREDIT_KINDS = ['credit_sale', 'prepayment'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];

export const HOLD_REASONS = [
  'over_limit',
  'overdue_invoice',
  'previous_balance_unsettled',
  'dossier_stale',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export type Allocation = { readonly invoiceId: string; readonly fen: number };

export type OverdueItem = {
  readonly invoiceId: string;
  readonly dueAt: string;
  readonly openFen: number;
};

/** What a credit decision saw: the audit explanation of a hold or approval (issue 5 scope 8). */
export type CreditSnapshot = {
  readonly exposureFen: number;
  readonly limitFen: number;
  readonly grade: Grade;
  readonly overdueItems: readonly OverdueItem[];
  readonly previousBalanceOpenFen: number;
  readonly dossierStaleAt?: string;
};

type E<T extends string, D> = DomainEvent<T, D & { readonly accountId: string }>;
/** Public decisions also name the customer (for customer counterparties), for other services. */
type P<T extends string, D> = E<T, D & { readonly customerId?: string }>;

/**
 * `name`: a supplier's (company) name. A customer's account names no one: `customerId` is the
 * reference, and the name is shown by the customers service, which forgets it (PIPL art. 47). Events
 * recorded before this rule may still carry a customer's name; nothing reads it (see `counterpartyName`).
 */
export type CreditAccountOpened = E<
  'CreditAccountOpened',
  {
    readonly counterpartyKind: CounterpartyKind;
    readonly customerId?: string;
    readonly name?: string;
    readonly openedAt: string;
  }
>;

export type DossierSubmitted = E<
  'DossierSubmitted',
  {
    readonly dossierVersion: number;
    readonly sections: DossierSections;
    readonly missingSections: readonly DossierSection[];
    readonly facts: RatingFacts;
    readonly authorId: string;
    readonly submittedAt: string;
  }
>;

export type DossierReviewed = E<
  'DossierReviewed',
  { readonly dossierVersion: number; readonly reviewerId: string; readonly findings: string }
>;

export type DossierFiled = E<
  'DossierFiled',
  {
    readonly dossierVersion: number;
    readonly filedBy: string;
    readonly filedAt: string;
    readonly staleAt: string;
    readonly policyVersion: string;
  }
>;

export type DossierBecameStale = E<
  'DossierBecameStale',
  { readonly dossierVersion: number; readonly staleAt: string }
>;

export type GradeProposed = E<
  'GradeProposed',
  {
    readonly proposalId: string;
    readonly grade: Grade;
    readonly computation: GradeComputation;
    readonly facts: RatingFacts;
    readonly dossierVersion: number;
    readonly proposedBy: string;
    readonly salespersonId: string;
    readonly creditControllerId: string;
    readonly policyVersion: string;
  }
>;

export type GradeReviewed = E<
  'GradeReviewed',
  { readonly proposalId: string; readonly role: 'marketing_vp' | 'cfo'; readonly reviewerId: string }
>;

export type GradeApproved = P<
  'GradeApproved',
  {
    readonly proposalId: string;
    readonly grade: Grade;
    readonly previousGrade?: Grade;
    readonly approvedBy: string;
    readonly approvedAt: string;
    readonly policyVersion: string;
  }
>;

export type CollateralRegistered = E<
  'CollateralRegistered',
  {
    readonly collateralId: string;
    readonly kind: 'property_mortgage';
    readonly valueFen: number;
    readonly registeredAt: string;
    readonly registeredBy: string;
  }
>;

export type CreditGrantRequested = E<
  'CreditGrantRequested',
  {
    readonly grantId: string;
    readonly grade: Grade;
    readonly hasCreditHistory: boolean;
    readonly type: GrantType;
    readonly limitFen: number;
    readonly termDays: number;
    readonly evaluation: GrantEvaluation;
    readonly averages: MonthlyAverages;
    readonly collateralValueFen?: number;
    readonly exceptionalReason?: string;
    readonly requestedBy: string;
    readonly policyVersion: string;
  }
>;

/** Stage `grant`: marketing_vp, cfo, gm; stage `limit`: gm, chairman (CRD-32..37). */
export type CreditGrantApproved = E<
  'CreditGrantApproved',
  {
    readonly grantId: string;
    readonly stage: 'grant' | 'limit';
    readonly role: string;
    readonly approverId: string;
  }
>;

export type CreditLimitGranted = P<
  'CreditLimitGranted',
  {
    readonly grantId: string;
    readonly grade: Grade;
    readonly type: GrantType;
    readonly limitFen: number;
    readonly termDays: number;
    readonly previousLimitFen: number;
    readonly effectiveAt: string;
    readonly policyVersion: string;
  }
>;

export type CreditSaleApproved = P<
  'CreditSaleApproved',
  {
    readonly orderId: string;
    readonly kind: CreditKind;
    readonly amountFen: number;
    readonly snapshot: CreditSnapshot;
    readonly decidedAt: string;
    readonly policyVersion: string;
  }
>;

export type CreditSaleHeld = P<
  'CreditSaleHeld',
  {
    readonly orderId: string;
    readonly kind: CreditKind;
    readonly amountFen: number;
    readonly reasons: readonly HoldReason[];
    readonly rules: readonly string[];
    readonly snapshot: CreditSnapshot;
    readonly decidedAt: string;
    readonly policyVersion: string;
  }
>;

export type HoldReleaseRequested = E<
  'HoldReleaseRequested',
  { readonly orderId: string; readonly requestedBy: string; readonly creditControllerId: string }
>;

export type CreditHoldReleased = E<
  'CreditHoldReleased',
  {
    readonly orderId: string;
    readonly amountFen: number;
    readonly approvedBy: string;
    readonly reason: string;
  }
>;

export type CreditHoldRejected = E<
  'CreditHoldRejected',
  { readonly orderId: string; readonly rejectedBy: string; readonly reason: string }
>;

export type InvoiceIssued = E<
  'InvoiceIssued',
  {
    readonly invoiceId: string;
    readonly orderId: string;
    readonly amountFen: number;
    readonly shippedAt: string;
    readonly termDays: number;
    readonly dueAt: string;
    /** Unapplied credit (credit notes, overpayments) settled against the invoice at once. */
    readonly creditAppliedFen: number;
  }
>;

export type PrepaymentGoodsAccepted = E<
  'PrepaymentGoodsAccepted',
  { readonly orderId: string; readonly amountFen: number; readonly acceptedAt: string }
>;

export type PaymentReceived = E<
  'PaymentReceived',
  {
    readonly paymentId: string;
    readonly amountFen: number;
    readonly receivedAt: string;
    readonly allocations: readonly Allocation[];
    readonly unappliedFen: number;
  }
>;

export type CreditNoteIssued = E<
  'CreditNoteIssued',
  {
    readonly settlementId: string;
    readonly caseId: string;
    readonly caseNumber: string;
    readonly settlementKind: string;
    readonly amountFen: number;
    readonly issuedAt: string;
    readonly allocations: readonly Allocation[];
    readonly unappliedFen: number;
  }
>;

export type InvoiceOverdue = E<
  'InvoiceOverdue',
  { readonly invoiceId: string; readonly dueAt: string; readonly openFen: number }
>;

export type AccountBlocked = P<
  'AccountBlocked',
  { readonly reason: 'overdue_invoice'; readonly invoiceIds: readonly string[]; readonly blockedAt: string }
>;

export type AccountUnblocked = P<'AccountUnblocked', { readonly unblockedAt: string }>;

export type DefaultEscalated = E<
  'DefaultEscalated',
  {
    readonly invoiceId: string;
    readonly dueAt: string;
    readonly openFen: number;
    readonly rule: 'CRD-70';
    readonly escalatedAt: string;
    readonly policyVersion: string;
  }
>;

export type AccountReconciled = E<
  'AccountReconciled',
  {
    readonly periodEnd: string;
    readonly balanceFen: number;
    readonly invoiceIds: readonly string[];
    readonly reconciledBy: string;
  }
>;

export const REVIEW_PERIODS = ['monthly', 'quarterly'] as const;
export type ReviewPeriod = (typeof REVIEW_PERIODS)[number];

/** The next monthly or quarterly review of an account with a limit (CRD-50). */
export type CreditReviewScheduled = E<
  'CreditReviewScheduled',
  { readonly period: ReviewPeriod; readonly dueAt: string; readonly policyVersion: string }
>;

export type CreditReviewCompleted = E<
  'CreditReviewCompleted',
  {
    readonly period: ReviewPeriod;
    readonly dueAt: string;
    readonly reviewerId: string;
    readonly evaluation: string;
  }
>;

/** CRD-50: the review's day has come (the reminder; public as `CreditReviewDue`). */
export type CreditReviewFellDue = P<
  'CreditReviewFellDue',
  {
    readonly period: ReviewPeriod;
    readonly dueAt: string;
    readonly dueOn: string;
    /** The customer's owning BU when the reminder went out (whose people are reminded). */
    readonly bu: string | null;
  }
>;

/** CRD-50: the review's day passed without the evaluation; the account shows it until done. */
export type CreditReviewOverdue = E<
  'CreditReviewOverdue',
  { readonly period: ReviewPeriod; readonly dueAt: string; readonly dueOn: string; readonly rule: 'CRD-50' }
>;

export const APPROVAL_SUBJECTS = ['grade', 'grant', 'adjustment'] as const;
export type ApprovalSubject = (typeof APPROVAL_SUBJECTS)[number];

/** An approver said no: the proposal, grant request or adjustment ends without effect. */
export type CreditApprovalRefused = E<
  'CreditApprovalRefused',
  {
    readonly subject: ApprovalSubject;
    readonly subjectId: string;
    readonly role: string;
    readonly refusedBy: string;
    readonly reason: string;
  }
>;

/** CRD-53/54: an adjustment lowers the limit unless an exception (with its reason) is approved. */
export type LimitAdjustmentProposed = E<
  'LimitAdjustmentProposed',
  {
    readonly adjustmentId: string;
    readonly currentLimitFen: number;
    readonly newLimitFen: number;
    readonly exceptionReason?: string;
    readonly proposedBy: string;
    readonly policyVersion: string;
  }
>;

export type LimitAdjustmentApproved = E<
  'LimitAdjustmentApproved',
  { readonly adjustmentId: string; readonly role: string; readonly approverId: string }
>;

export type CreditLimitAdjusted = P<
  'CreditLimitAdjusted',
  {
    readonly adjustmentId: string;
    readonly previousLimitFen: number;
    readonly limitFen: number;
    readonly exception: boolean;
    readonly exceptionReason?: string;
    readonly effectiveAt: string;
    readonly policyVersion: string;
  }
>;

export type CreditContractRecorded = E<
  'CreditContractRecorded',
  {
    readonly contractId: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly renewalOpensAt: string;
    readonly policyVersion: string;
  }
>;

/** CRD-45: the exposure reached zero (recorded when a settlement brings it there). */
export type ExposureClearedToZero = E<'ExposureClearedToZero', { readonly clearedAt: string }>;

export type ContractRenewalWindowOpened = E<
  'ContractRenewalWindowOpened',
  { readonly contractId: string; readonly endsAt: string; readonly openedAt: string }
>;

/** At the contract end: did the exposure clear to zero at least once during it (CRD-45)? */
export type ContractPeriodEnded = E<
  'ContractPeriodEnded',
  {
    readonly contractId: string;
    readonly exposureClearedOnce: boolean;
    readonly rule: 'CRD-45';
    readonly endedAt: string;
  }
>;

export type CreditAccountEvent =
  | CreditAccountOpened
  | DossierSubmitted
  | DossierReviewed
  | DossierFiled
  | DossierBecameStale
  | GradeProposed
  | GradeReviewed
  | GradeApproved
  | CollateralRegistered
  | CreditGrantRequested
  | CreditGrantApproved
  | CreditLimitGranted
  | CreditSaleApproved
  | CreditSaleHeld
  | HoldReleaseRequested
  | CreditHoldReleased
  | CreditHoldRejected
  | InvoiceIssued
  | PrepaymentGoodsAccepted
  | PaymentReceived
  | CreditNoteIssued
  | InvoiceOverdue
  | AccountBlocked
  | AccountUnblocked
  | DefaultEscalated
  | AccountReconciled
  | CreditReviewScheduled
  | CreditReviewCompleted
  | CreditReviewFellDue
  | CreditReviewOverdue
  | CreditApprovalRefused
  | LimitAdjustmentProposed
  | LimitAdjustmentApproved
  | CreditLimitAdjusted
  | CreditContractRecorded
  | ExposureClearedToZero
  | ContractRenewalWindowOpened
  | ContractPeriodEnded;

export const creditAccountStreamId = (accountId: string): string => `credit-account-${accountId}`;
