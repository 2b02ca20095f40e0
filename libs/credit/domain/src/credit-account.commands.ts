import type { DomainCommand } from '@crm/event-sourcing';
import type { DossierSections, RatingFacts } from './dossier';
import type { ApprovalSubject, CounterpartyKind, CreditKind, ReviewPeriod } from './credit-account.events';
import type { GrantType } from './grant-table';

type C<T extends string, D> = DomainCommand<T, D>;

export type OpenCreditAccount = C<
  'OpenCreditAccount',
  {
    readonly counterpartyKind: CounterpartyKind;
    readonly customerId?: string;
    /** Suppliers only: a customer is a person, named by the customers service (see the event). */
    readonly name?: string;
  }
>;
export type SubmitDossier = C<
  'SubmitDossier',
  { readonly sections: DossierSections; readonly facts: RatingFacts }
>;
export type ReviewDossier = C<'ReviewDossier', { readonly findings: string }>;
export type FileDossier = C<'FileDossier', Record<string, never>>;
export type MarkDossierStale = C<'MarkDossierStale', { readonly dossierVersion: number }>;
export type ProposeGrade = C<
  'ProposeGrade',
  { readonly proposalId: string; readonly salespersonId: string; readonly creditControllerId: string }
>;
export type ReviewGrade = C<'ReviewGrade', { readonly proposalId: string }>;
export type ApproveGrade = C<'ApproveGrade', { readonly proposalId: string }>;
export type RegisterCollateral = C<
  'RegisterCollateral',
  { readonly collateralId: string; readonly valueFen: number }
>;
export type RequestCreditGrant = C<
  'RequestCreditGrant',
  {
    readonly grantId: string;
    readonly type: GrantType;
    readonly limitFen: number;
    readonly termDays: number;
    readonly exceptionalReason?: string;
  }
>;
/** By marketing_vp, cfo or gm (stage 1), then gm and chairman (stage 2): the role decides the stage. */
export type ApproveCreditGrant = C<'ApproveCreditGrant', { readonly grantId: string }>;
export type CheckCredit = C<
  'CheckCredit',
  { readonly orderId: string; readonly kind: CreditKind; readonly amountFen: number }
>;
export type RequestHoldRelease = C<
  'RequestHoldRelease',
  { readonly orderId: string; readonly creditControllerId: string }
>;
export type DecideHold = C<
  'DecideHold',
  { readonly orderId: string; readonly release: boolean; readonly reason: string }
>;
export type RecordShipment = C<'RecordShipment', { readonly orderId: string; readonly shippedAt: string }>;
export type RecordGoodsAccepted = C<'RecordGoodsAccepted', { readonly orderId: string }>;
export type RecordPayment = C<
  'RecordPayment',
  { readonly paymentId: string; readonly amountFen: number; readonly receivedAt: string }
>;
export type IssueCreditNote = C<
  'IssueCreditNote',
  {
    readonly settlementId: string;
    readonly caseId: string;
    readonly caseNumber: string;
    readonly settlementKind: string;
    readonly amountFen: number;
  }
>;
export type MarkInvoiceOverdue = C<'MarkInvoiceOverdue', { readonly invoiceId: string }>;
export type EscalateDefault = C<'EscalateDefault', { readonly invoiceId: string }>;
export type ReconcileAccount = C<'ReconcileAccount', { readonly periodEnd: string }>;

export type CompleteReview = C<
  'CompleteReview',
  { readonly period: ReviewPeriod; readonly evaluation: string }
>;
/** Timers: the review's day begins, then ends (the `dueAt` names which review, so a stale timer is a no-op). */
export type MarkReviewDue = C<
  'MarkReviewDue',
  { readonly period: ReviewPeriod; readonly dueAt: string; readonly bu: string | null }
>;
export type MarkReviewOverdue = C<
  'MarkReviewOverdue',
  { readonly period: ReviewPeriod; readonly dueAt: string }
>;
/** An approver of a grade, grant or adjustment refuses it, with the reason. */
export type RefuseApproval = C<
  'RefuseApproval',
  { readonly subject: ApprovalSubject; readonly subjectId: string; readonly reason: string }
>;
export type ProposeLimitAdjustment = C<
  'ProposeLimitAdjustment',
  { readonly adjustmentId: string; readonly newLimitFen: number; readonly exceptionReason?: string }
>;
/** The marketing VP endorses, then the GM and the chairman approve (CRD-53). */
export type ApproveLimitAdjustment = C<'ApproveLimitAdjustment', { readonly adjustmentId: string }>;
export type RecordContract = C<
  'RecordContract',
  { readonly contractId: string; readonly startsAt: string; readonly endsAt: string }
>;
export type OpenRenewalWindow = C<'OpenRenewalWindow', { readonly contractId: string }>;
export type EndContractPeriod = C<'EndContractPeriod', { readonly contractId: string }>;

export type CreditAccountCommand =
  | OpenCreditAccount
  | SubmitDossier
  | ReviewDossier
  | FileDossier
  | MarkDossierStale
  | ProposeGrade
  | ReviewGrade
  | ApproveGrade
  | RegisterCollateral
  | RequestCreditGrant
  | ApproveCreditGrant
  | CheckCredit
  | RequestHoldRelease
  | DecideHold
  | RecordShipment
  | RecordGoodsAccepted
  | RecordPayment
  | IssueCreditNote
  | MarkInvoiceOverdue
  | EscalateDefault
  | ReconcileAccount
  | CompleteReview
  | MarkReviewDue
  | MarkReviewOverdue
  | RefuseApproval
  | ProposeLimitAdjustment
  | ApproveLimitAdjustment
  | RecordContract
  | OpenRenewalWindow
  | EndContractPeriod;
