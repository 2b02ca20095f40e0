import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '@crm/nest';
import { CASE_KINDS, type CaseKind, SEVERITIES, type Severity } from '@crm/complaints-domain';
import { CASE_STATUSES } from './case-view.dto';

/** The queue holds open cases: every status but closed and archived. */
const STATUSES = CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'archived');

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_KINDS }) @IsOptional() @IsIn(CASE_KINDS) kind?: CaseKind;
  @ApiPropertyOptional({ enum: SEVERITIES }) @IsOptional() @IsIn(SEVERITIES) severity?: Severity;
  @ApiPropertyOptional({ description: 'Responsible BU (the concerned BU until assigned)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  bu?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: string;
}

export class QueueItemDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: '2612-0001' }) number!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ description: 'Responsible BU (the concerned BU until assigned)' }) bu!: string;
  @ApiProperty({ type: String, nullable: true }) handlerId!: string | null;
  @ApiProperty() receiverId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the customer raised it (deadlines count from it)' })
  receivedAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was entered' }) registeredAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Working minutes left on the calendar in force; negative once passed',
  })
  remainingWorkingMinutes!: number | null;
  @ApiProperty({ enum: ['none', 'resolved', 'on_track', 'warning', 'overdue'] }) deadlineState!: string;
  @ApiProperty({
    description: 'The deadline rests on statutory holidays of a year without an adopted calendar',
  })
  provisional!: boolean;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) limit!: number;
  @ApiProperty({ description: 'Cases matching the queue and filters' }) total!: number;
}
