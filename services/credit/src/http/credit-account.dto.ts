import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  APPROVAL_SUBJECTS,
  type ApprovalSubject,
  COUNTERPARTY_KINDS,
  CREDIT_KINDS,
  DOSSIER_SOURCES,
  GRANT_TYPES,
  RED_FLAGS,
  REVIEW_PERIODS,
  type CounterpartyKind,
  type CreditKind,
  type DossierSource,
  type GrantType,
  type RedFlag,
  type ReviewPeriod,
} from '@crm/credit-domain';

/** Shape checks only; the credit rules live in the domain. Money is integer fen. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const MAX_FEN = 1_000_000_000_000;

export class OpenCreditAccountDto {
  @ApiProperty({ description: 'The counterparty id (a customer id for customers)' })
  @Matches(ID)
  accountId!: string;

  @ApiProperty({ enum: COUNTERPARTY_KINDS })
  @IsIn(COUNTERPARTY_KINDS)
  counterpartyKind!: CounterpartyKind;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID)
  customerId?: string;

  @ApiPropertyOptional({
    description:
      'Suppliers only (required for them). A customer is referenced by customerId: its name is personal data the customers service keeps and forgets',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

export class DossierSectionDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  content!: string;

  @ApiProperty({ enum: DOSSIER_SOURCES })
  @IsIn(DOSSIER_SOURCES)
  source!: DossierSource;
}

const section = () => [
  ApiPropertyOptional({ type: DossierSectionDto }),
  IsOptional(),
  ValidateNested(),
  Type(() => DossierSectionDto),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

/** The eight sections of CRD-11; a missing section makes the dossier incomplete (never A). */
export class DossierSectionsDto {
  @apply(section()) basic_data?: DossierSectionDto;
  @apply(section()) shareholders_and_legal_representative?: DossierSectionDto;
  @apply(section()) bank_accounts?: DossierSectionDto;
  @apply(section()) operations?: DossierSectionDto;
  @apply(section()) finances?: DossierSectionDto;
  @apply(section()) dealings_with_us?: DossierSectionDto;
  @apply(section()) credit_record?: DossierSectionDto;
  @apply(section()) other?: DossierSectionDto;
}

export class MonthlyFiguresDto {
  @ApiProperty({ example: '2026-06' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  month!: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  shipmentsFen!: number;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  collectionsFen!: number;
}

export class RatingFactsDto {
  @ApiProperty({ example: '2020-01-01' })
  @IsISO8601()
  relationshipSince!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601()
  lastBadDebtOrBreachAt?: string;

  @ApiProperty() @IsBoolean() lawfulAndKeepsPromises!: boolean;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(200)
  goodOperationYears!: number;

  @ApiProperty() @IsBoolean() strongCapital!: boolean;
  @ApiProperty() @IsBoolean() collectionTargetsMet!: boolean;

  @ApiProperty({ enum: RED_FLAGS, isArray: true })
  @IsArray()
  @IsIn(RED_FLAGS, { each: true })
  redFlags!: RedFlag[];

  @ApiProperty() @IsBoolean() priorCreditHistory!: boolean;

  @ApiProperty({ type: [MonthlyFiguresDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => MonthlyFiguresDto)
  monthlyFigures!: MonthlyFiguresDto[];
}

export class SubmitDossierDto {
  @ApiProperty({ type: DossierSectionsDto })
  @ValidateNested()
  @Type(() => DossierSectionsDto)
  sections!: DossierSectionsDto;

  @ApiProperty({ type: RatingFactsDto })
  @ValidateNested()
  @Type(() => RatingFactsDto)
  facts!: RatingFactsDto;
}

export class ReviewDossierDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  findings!: string;
}

export class ProposeGradeDto {
  @ApiProperty() @Matches(ID) proposalId!: string;
  @ApiProperty() @Matches(ID) salespersonId!: string;
  @ApiProperty() @Matches(ID) creditControllerId!: string;
}

export class RegisterCollateralDto {
  @ApiProperty() @Matches(ID) collateralId!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  valueFen!: number;
}

export class RequestGrantDto {
  @ApiProperty() @Matches(ID) grantId!: string;

  @ApiProperty({ enum: GRANT_TYPES })
  @IsIn(GRANT_TYPES)
  type!: GrantType;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  limitFen!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(3650)
  termDays!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  exceptionalReason?: string;
}

export class CheckCreditDto {
  @ApiProperty() @Matches(ID) orderId!: string;

  @ApiProperty({ enum: CREDIT_KINDS })
  @IsIn(CREDIT_KINDS)
  kind!: CreditKind;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;
}

export class RequestHoldReleaseDto {
  @ApiProperty() @Matches(ID) creditControllerId!: string;
}

export class DecideHoldDto {
  @ApiProperty() @IsBoolean() release!: boolean;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}

export class RecordShipmentDto {
  @ApiProperty() @Matches(ID) orderId!: string;
  @ApiProperty() @IsISO8601({ strict: true }) shippedAt!: string;
}

export class RecordPaymentDto {
  @ApiProperty() @Matches(ID) paymentId!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen!: number;

  @ApiProperty() @IsISO8601({ strict: true }) receivedAt!: string;
}

export class ReconcileDto {
  @ApiProperty() @IsISO8601({ strict: true }) periodEnd!: string;
}

export class SetPortfolioCapDto {
  @ApiProperty({ example: '2026-01-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  baseDate!: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  receivablesBalanceFen!: number;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'ISO-8601 instant: the account as it was then' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class CompleteReviewDto {
  @ApiProperty({ enum: REVIEW_PERIODS })
  @IsIn(REVIEW_PERIODS)
  period!: ReviewPeriod;

  @ApiProperty({ description: 'The marketing manager’s written evaluation (CRD-53)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5_000)
  evaluation!: string;
}

export class RefuseApprovalDto {
  @ApiProperty({
    enum: APPROVAL_SUBJECTS,
    description: 'What is refused: a grade proposal, a grant, an adjustment',
  })
  @IsIn(APPROVAL_SUBJECTS)
  subject!: ApprovalSubject;

  @ApiProperty({ description: 'The proposal, grant or adjustment id' })
  @Matches(ID)
  subjectId!: string;

  @ApiProperty({ description: 'Why (a reason code, optionally with a note)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}

export class ProposeLimitAdjustmentDto {
  @ApiProperty() @Matches(ID) adjustmentId!: string;

  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  newLimitFen!: number;

  @ApiPropertyOptional({ description: 'Required to keep or raise the limit (CRD-54 exception)' })
  @IsOptional()
  @IsString()
  @MaxLength(2_000)
  exceptionReason?: string;
}

export class RecordContractDto {
  @ApiProperty() @Matches(ID) contractId!: string;
  @ApiProperty() @IsISO8601({ strict: true }) startsAt!: string;
  @ApiProperty() @IsISO8601({ strict: true }) endsAt!: string;
}

export class GoodsAcceptedDto {
  @ApiProperty() @Matches(ID) orderId!: string;
}

export class CreditAccountListQuery {
  @ApiPropertyOptional({ enum: ['A', 'B', 'C', 'none'] })
  @IsOptional()
  @IsIn(['A', 'B', 'C', 'none'])
  grade?: 'A' | 'B' | 'C' | 'none';

  @ApiPropertyOptional({
    description: 'Only accounts with overdue invoices or late reviews (true), or none (false)',
  })
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Part of the name, or the account id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 20;
}
