import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CASE_CAUSES,
  CASE_CHANNELS,
  CASE_KINDS,
  type CaseCause,
  type CaseChannel,
  type CaseKind,
  RESOLUTION_ITEM_KINDS,
  type ResolutionItemKind,
  SEVERITIES,
  type Severity,
} from '@crm/complaints-domain';

const TEXT = 2_000;
const ID = 100;

/** Shape checks only; the case decider enforces the business rules. */
export class RegisterCaseDto {
  @ApiProperty({ enum: CASE_KINDS }) @IsIn(CASE_KINDS) kind!: CaseKind;
  @ApiProperty({ enum: CASE_CHANNELS, description: '`executive`: a complaint made to the GM' })
  @IsIn(CASE_CHANNELS)
  channel!: CaseChannel;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ID) customerId!: string;
  @ApiProperty({ example: 'late delivery' }) @IsString() @IsNotEmpty() @MaxLength(200) subject!: string;
  @ApiProperty() @IsString() @MaxLength(TEXT) description!: string;
  @ApiPropertyOptional({ description: "Default: the customer's owner in the customers directory" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID)
  concernedEmployeeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(ID) concernedBu?: string;
  @ApiPropertyOptional({ enum: SEVERITIES, description: 'Manual severity; otherwise the automatic rule' })
  @IsOptional()
  @IsIn(SEVERITIES)
  severity?: Severity;
  @ApiPropertyOptional({ description: 'Suggestions: the promised reply date (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  promisedBy?: string;
  @ApiPropertyOptional({
    description:
      'When the customer raised it, if before the entry (ISO-8601, e.g. a call on Saturday entered on Monday): ' +
      'the deadline counts from it. Not in the future, not older than the policy window (7 days). Default: now',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}

export class RegisteredCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '2611-0001' }) number!: string;
}

export class ClassifyCaseDto {
  @ApiProperty({ enum: CASE_CAUSES }) @IsIn(CASE_CAUSES) cause!: CaseCause;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
}

export class AssignCaseDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ID) handlerId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ID) responsibleBu!: string;
}

export class TransferReceiverDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ID) toReceiverId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ID) toBu!: string;
}

export class FindingsDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) findings!: string;
}

export class ResolutionItemDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(ID) itemId!: string;
  @ApiProperty({ enum: RESOLUTION_ITEM_KINDS }) @IsIn(RESOLUTION_ITEM_KINDS) kind!: ResolutionItemKind;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) description!: string;
  @ApiProperty({ description: 'Integer fen (1 yuan = 100 fen)' }) @IsInt() @Min(0) amountFen!: number;
}

export class ProposeResolutionDto {
  @ApiProperty({ type: [ResolutionItemDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ResolutionItemDto)
  items!: ResolutionItemDto[];
}

export class ReplyDto {
  @ApiProperty({ type: [String], description: 'Only approved items (CMP-APR-04)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  itemIds!: string[];
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) message!: string;
}

export class ReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;
}

export class FollowUpDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEXT) note?: string;
}

export class ExtendRetentionDto {
  @ApiProperty() @IsISO8601({ strict: true }) retainUntil!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(TEXT) reason!: string;
}

export class AsOfQuery {
  @ApiPropertyOptional({ description: 'The case as recorded at this instant (ISO-8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class CaseOutcomeResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [String] }) events!: string[];
  @ApiPropertyOptional() linkedCaseId?: string;
  @ApiPropertyOptional() linkedCaseNumber?: string;
}
