import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EVENT_SLOTS, type EventSlot } from '@crm/invitations-domain';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LIST = 2_000;

/** Shape checks only; the domain judges windows, cut-offs and priorities. */
export class ScheduleJointEventDto {
  @ApiProperty({ example: '2026-12-10', description: 'Event day (Asia/Shanghai)' })
  @Matches(DAY, { message: 'date must be a day YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ enum: EVENT_SLOTS })
  @IsIn(EVENT_SLOTS)
  slot!: EventSlot;

  @ApiProperty({ example: 'Hall A' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  venue!: string;

  @ApiProperty({ example: ['bu-1', 'bu-2'], description: 'Participating BUs in priority order' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  businessUnits!: string[];

  @ApiProperty({ example: 'co-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  coordinatorId!: string;
}

export class FileInvitationListDto {
  @ApiProperty({ example: '2026-12-05', description: 'The window day the list is for' })
  @Matches(DAY, { message: 'day must be a day YYYY-MM-DD' })
  day!: string;

  @ApiProperty({ type: [String], description: 'Customer ids confirmed for the day' })
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  confirmed!: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      "Next day's planned list: due by the cut-off from BUs after the first on days before the event, with this list or a later filing of the day (INV-01/02)",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  planned?: string[];
}

export class ConfirmInvitationDto {
  @ApiProperty({ format: 'uuid' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  customerId!: string;
}

export class RuleConflictDto {
  @ApiProperty({ example: 'bu-1' })
  @IsString()
  @IsNotEmpty()
  winnerBu!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class EscalateConflictDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class EmployeeDto {
  @ApiProperty({ example: 'e-201' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  employeeId!: string;
}

export class ApproveAssistDto {
  @ApiProperty({ example: 'e-201', description: "The customer's former follow-up employee" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  assistantEmployeeId!: string;
}

export class RecordSaleDto {
  @ApiPropertyOptional({ description: 'Client-chosen id; a repeat with the same id records nothing new' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  saleId?: string;

  @ApiProperty({ example: 250000, description: 'Amount in fen' })
  @IsInt()
  @Min(1)
  amountFen!: number;

  @ApiPropertyOptional({ description: 'Approved assistant who helped (INV-11)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  assistedBy?: string;
}

export class DisputePartyDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  employeeId!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  bu!: string;
}

export class RecordDisputeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  customerId?: string;

  @ApiProperty({ type: [DisputePartyDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DisputePartyDto)
  parties!: DisputePartyDto[];

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  description!: string;
}

export class ResolveDisputeDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  resolution!: string;

  @ApiProperty({ type: [String], description: 'Both BU managers who settled it with the coordinator' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  managerIds!: string[];

  @ApiProperty({
    type: [DisputePartyDto],
    description: 'Parties who quarrelled in front of customers (fined)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DisputePartyDto)
  quarrelled!: DisputePartyDto[];
}

export class AsOfQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'As the system knew it at this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
