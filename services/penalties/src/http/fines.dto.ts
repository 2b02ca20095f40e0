import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const FINE_STATUSES = ['issued', 'appealed', 'upheld', 'waived'] as const;

export class FineFilterQuery {
  @ApiPropertyOptional({ example: 'bu-2', description: 'The BU the fine was issued to' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  bu?: string;

  @ApiPropertyOptional({ example: 'e-mgr-2', description: 'The employee who pays it' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  employeeId?: string;

  @ApiPropertyOptional({ example: 'INV-07' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  rule?: string;

  @ApiPropertyOptional({ example: '2026-12', description: 'Asia/Shanghai month of issue, YYYY-MM' })
  @IsOptional()
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month?: string;

  @ApiPropertyOptional({ enum: FINE_STATUSES })
  @IsOptional()
  @IsIn(FINE_STATUSES)
  status?: (typeof FINE_STATUSES)[number];
}

export class FineListQuery extends FineFilterQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  after?: string;
}

export class PayrollExportQuery {
  @ApiProperty({ example: '2026-12', description: 'Asia/Shanghai month of issue, YYYY-MM' })
  @Matches(MONTH, { message: 'month must be YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ example: 'bu-2' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  bu?: string;
}

export class AppealFineDto {
  @ApiProperty({ example: '当天名单已按时提交（纸质）', description: 'Why the fine is wrong' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  grounds!: string;
}

export class DecideFineAppealDto {
  @ApiProperty({ enum: ['upheld', 'waived'] })
  @IsIn(['upheld', 'waived'])
  outcome!: 'upheld' | 'waived';

  @ApiProperty({ example: '纸质名单有签收，免除罚款' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class FineDto {
  @ApiProperty() fineId!: string;
  @ApiProperty({ example: 'invitations' }) sourceService!: string;
  @ApiProperty({ description: 'The BU the fine was issued to' }) issuedBu!: string;
  @ApiProperty({ nullable: true, type: String }) issuedEmployeeId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'bu_manager' }) issuedPost!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Who pays (null: unresolved)' })
  employeeId!: string | null;
  @ApiProperty({ nullable: true, type: String }) employeeName!: string | null;
  @ApiProperty({ enum: ['named', 'post_holder', 'unresolved'] }) payeeMethod!: string;
  @ApiProperty({ description: 'The instant the payee was resolved for' }) payeeAsOf!: string;
  @ApiProperty({ type: [String] }) payeeCandidates!: string[];
  @ApiProperty({ example: 1000 }) amountFen!: number;
  @ApiProperty({ example: 'CNY' }) currency!: string;
  @ApiProperty({ example: 'INV-07' }) rule!: string;
  @ApiProperty({ example: 'v1' }) policyVersion!: string;
  @ApiProperty() causeStreamId!: string;
  @ApiProperty() causeEventId!: string;
  @ApiProperty({ example: '/invitations/events/…' }) causeLink!: string;
  @ApiProperty() causeReference!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty({ example: '2026-12' }) issuedMonth!: string;
  @ApiProperty() appealDeadline!: string;
  @ApiProperty() appealPolicyVersion!: string;
  @ApiProperty() calendarVersion!: string;
  @ApiProperty({ enum: FINE_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: String }) appealGrounds!: string | null;
  @ApiProperty({ nullable: true, type: String }) appealedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
}

export class FinePageDto {
  @ApiProperty({ type: [FineDto] }) items!: FineDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class FineCommandResultDto {
  @ApiProperty() fineId!: string;
  @ApiProperty({ type: [String], example: ['FineAppealed'] }) events!: string[];
  @ApiProperty({ enum: FINE_STATUSES }) status!: string;
}
