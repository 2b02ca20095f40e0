import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COUNTERPARTY_KINDS, CREDIT_KINDS, GRADES, GRANT_TYPES, HOLD_REASONS } from '@crm/credit-domain';
import { ActorDto } from '@crm/nest';

const ORDER_STATUSES = ['approved', 'held', 'released', 'rejected', 'shipped', 'accepted'];

export class CreditCommandResultDto {
  @ApiProperty() accountId!: string;
  @ApiProperty({ type: [String], description: 'Types of the events recorded (empty: nothing changed)' })
  events!: readonly string[];
}

export class CreditCheckResultDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: ['approved', 'held'] }) decision!: string;
  @ApiProperty({ enum: HOLD_REASONS, isArray: true, description: 'Every reason the sale is held' })
  reasons!: readonly string[];
  @ApiPropertyOptional({ type: [String], description: 'The rules behind the hold (held only)' })
  rules?: readonly string[];
}

export class GradeProposalViewDto {
  @ApiProperty() proposalId!: string;
  @ApiProperty({ enum: GRADES }) grade!: string;
  @ApiProperty({ enum: ['marketing_vp', 'cfo'], isArray: true }) reviewedBy!: readonly string[];
}

export class DossierViewDto {
  @ApiProperty() version!: number;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty({ format: 'date-time' }) staleAt!: string;
  @ApiProperty() stale!: boolean;
}

export class DossierDraftViewDto {
  @ApiProperty() version!: number;
  @ApiProperty() reviewed!: boolean;
  @ApiProperty({ type: [String] }) missingSections!: readonly string[];
}

export class ActiveLimitDto {
  @ApiProperty() grantId!: string;
  @ApiProperty({ enum: GRANT_TYPES }) type!: string;
  @ApiProperty() limitFen!: number;
  @ApiProperty() termDays!: number;
  @ApiProperty({ format: 'date-time' }) effectiveAt!: string;
}

export class PendingGrantDto {
  @ApiProperty() grantId!: string;
  @ApiProperty({ enum: GRADES }) grade!: string;
  @ApiProperty({ enum: GRANT_TYPES }) type!: string;
  @ApiProperty() limitFen!: number;
  @ApiProperty() termDays!: number;
  @ApiProperty({ type: [String], description: 'Roles that approved the grant' })
  grantApprovals!: readonly string[];
  @ApiProperty({ type: [String], description: 'Roles that approved the limit' })
  limitApprovals!: readonly string[];
}

export class OverdueItemDto {
  @ApiProperty() invoiceId!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() openFen!: number;
}

export class InvoiceDto {
  @ApiProperty() invoiceId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty() amountFen!: number;
  @ApiProperty({ description: 'Still unpaid' }) openFen!: number;
  @ApiProperty({ format: 'date-time' }) shippedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() markedOverdue!: boolean;
  @ApiProperty() escalated!: boolean;
}

export class AgingBucketDto {
  @ApiProperty({ example: '0-30', description: 'Days past due' }) label!: string;
  @ApiProperty() fen!: number;
  @ApiProperty({ type: [String] }) invoiceIds!: readonly string[];
}

export class OrderDto {
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: CREDIT_KINDS }) kind!: string;
  @ApiProperty() amountFen!: number;
  @ApiProperty({ enum: ORDER_STATUSES }) status!: string;
  @ApiProperty({ enum: HOLD_REASONS, isArray: true }) reasons!: readonly string[];
  @ApiPropertyOptional() releaseRequestedBy?: string;
}

export class ReviewsDueDto {
  @ApiPropertyOptional({ description: 'Next monthly review (ISO-8601)' }) monthly?: string;
  @ApiPropertyOptional({ description: 'Next quarterly review (ISO-8601)' }) quarterly?: string;
}

export class PendingAdjustmentDto {
  @ApiProperty() adjustmentId!: string;
  @ApiProperty() newLimitFen!: number;
  @ApiPropertyOptional() exceptionReason?: string;
  @ApiProperty({ type: [String] }) approvals!: readonly string[];
}

export class ContractDto {
  @ApiProperty() contractId!: string;
  @ApiProperty({ description: 'ISO-8601' }) startsAt!: string;
  @ApiProperty({ description: 'ISO-8601' }) endsAt!: string;
  @ApiProperty({ description: 'ISO-8601' }) renewalOpensAt!: string;
  @ApiProperty() clearedOnce!: boolean;
  @ApiProperty() renewalOpened!: boolean;
  @ApiProperty() ended!: boolean;
}

export class CounterpartyOwnerDto {
  @ApiProperty() ownerBu!: string;
  @ApiProperty() ownerEmployeeId!: string;
  @ApiProperty({ description: 'The customer was forgotten (PIPL art. 47): show no personal data' })
  forgotten!: boolean;
}

/** A credit account as its stream says, now or as of a past instant. */
export class CreditAccountDto {
  @ApiProperty() accountId!: string;
  @ApiProperty({ enum: COUNTERPARTY_KINDS }) counterpartyKind!: string;
  @ApiPropertyOptional({ description: 'For customer counterparties' }) customerId?: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "A supplier's name; null for a customer, whose name only the customers service shows (and forgets)",
  })
  name!: string | null;
  @ApiProperty({ enum: GRADES, nullable: true }) grade!: string | null;
  @ApiProperty({ type: GradeProposalViewDto, nullable: true }) gradeProposal!: GradeProposalViewDto | null;
  @ApiProperty({ type: DossierViewDto, nullable: true, description: 'The filed dossier' })
  dossier!: DossierViewDto | null;
  @ApiProperty({ type: DossierDraftViewDto, nullable: true }) dossierDraft!: DossierDraftViewDto | null;
  @ApiProperty({ type: Number, nullable: true }) collateralValueFen!: number | null;
  @ApiProperty({ type: ActiveLimitDto, nullable: true }) activeLimit!: ActiveLimitDto | null;
  @ApiProperty({ type: PendingGrantDto, nullable: true }) pendingGrant!: PendingGrantDto | null;
  @ApiProperty({ description: 'Open exposure in fen' }) exposureFen!: number;
  @ApiProperty({ description: 'Active limit in fen (0 without one)' }) limitFen!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'exposure / limit; null without a limit' })
  utilisation!: number | null;
  @ApiProperty() blocked!: boolean;
  @ApiProperty({ type: [OverdueItemDto] }) overdueItems!: readonly OverdueItemDto[];
  @ApiProperty({ description: 'Open part of the balance confirmed at the last reconciliation (CRD-44)' })
  previousBalanceOpenFen!: number;
  @ApiProperty() unappliedCreditFen!: number;
  @ApiProperty({ type: [InvoiceDto] }) invoices!: readonly InvoiceDto[];
  @ApiProperty({ type: [AgingBucketDto] }) aging!: readonly AgingBucketDto[];
  @ApiProperty({ type: [OrderDto] }) orders!: readonly OrderDto[];
  @ApiProperty({ description: 'How many credit notes settled invoices' }) creditNotes!: number;
  @ApiProperty({ type: ReviewsDueDto }) reviewsDue!: ReviewsDueDto;
  @ApiProperty({
    type: ReviewsDueDto,
    description: 'Reviews whose due day has ended without the evaluation (CRD-50), by due instant',
  })
  reviewsOverdue!: ReviewsDueDto;
  @ApiProperty({ type: PendingAdjustmentDto, nullable: true })
  pendingAdjustment!: PendingAdjustmentDto | null;
  @ApiProperty({ type: ContractDto, nullable: true }) contract!: ContractDto | null;
  @ApiProperty({
    type: CounterpartyOwnerDto,
    nullable: true,
    description: "The customer's current owner from the local customer directory",
  })
  customer!: CounterpartyOwnerDto | null;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty() streamVersion!: number;
  @ApiProperty({ example: 'v1' }) policyVersion!: string;
}

export class HoldFollowUpDto {
  @ApiProperty({ example: 'HoldReleaseRequested' }) type!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Actor id' }) by!: string;
  @ApiPropertyOptional() reason?: string;
}

export class HoldExplanationDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() orderId!: string;
  @ApiProperty({ enum: ['approved', 'held'] }) decision!: string;
  @ApiPropertyOptional({ enum: ORDER_STATUSES, description: 'The order now' }) status?: string;
  @ApiProperty() amountFen!: number;
  @ApiProperty({ enum: HOLD_REASONS, isArray: true }) reasons!: readonly string[];
  @ApiProperty({ type: [String] }) rules!: readonly string[];
  @ApiProperty({ description: 'What the decision saw' }) exposureFen!: number;
  @ApiProperty() limitFen!: number;
  @ApiProperty({ enum: GRADES }) grade!: string;
  @ApiProperty({ type: [OverdueItemDto] }) overdueItems!: readonly OverdueItemDto[];
  @ApiProperty() previousBalanceOpenFen!: number;
  @ApiPropertyOptional({ format: 'date-time' }) dossierStaleAt?: string;
  @ApiProperty({ example: 'v1' }) policyVersion!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ type: ActorDto }) decidedBy!: ActorDto;
  @ApiProperty({ type: [HoldFollowUpDto], description: 'What happened to the order since' })
  followUps!: readonly HoldFollowUpDto[];
}

export class PortfolioCapDto {
  @ApiProperty({ description: 'ISO-8601' }) baseDate!: string;
  @ApiProperty() capFen!: number;
}

export class CreditPortfolioDto {
  @ApiProperty({ type: PortfolioCapDto, nullable: true, description: 'Unset until the CFO sets it' })
  cap!: PortfolioCapDto | null;
  @ApiProperty() totalActiveLimitsFen!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    description: 'Account id → active limit in fen',
  })
  limits!: Record<string, number>;
}

export class CreditAccountListItemDto {
  @ApiProperty() accountId!: string;
  @ApiProperty({ enum: ['customer', 'supplier'] }) counterpartyKind!: string;
  @ApiProperty({ type: String, nullable: true }) customerId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['A', 'B', 'C'] }) grade!: string | null;
  @ApiProperty() limitFen!: number;
  @ApiProperty() exposureFen!: number;
  @ApiProperty({ description: 'Open amount past its due date' }) overdueFen!: number;
  @ApiProperty() blocked!: boolean;
  @ApiProperty({ type: [Number], description: 'Open fen by days past due: 0–30, 31–60, 61–90, > 90' })
  agingFen!: readonly number[];
  @ApiProperty({ type: ReviewsDueDto }) reviewsDue!: ReviewsDueDto;
  @ApiProperty({ type: [String], description: 'Periods whose review is overdue (CRD-50)' })
  reviewsOverdue!: readonly string[];
}

export class CreditAccountListDto {
  @ApiProperty({ type: [CreditAccountListItemDto] }) items!: CreditAccountListItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
}
