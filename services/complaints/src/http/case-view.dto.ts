import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  APPROVER_ROLES,
  CASE_CAUSES,
  CASE_CHANNELS,
  CASE_KINDS,
  ESCALATION_LEVELS,
  RESOLUTION_ITEM_KINDS,
  SEVERITIES,
} from '@crm/complaints-domain';
import { ActorDto } from '@crm/nest';

export const CASE_STATUSES = [
  'registered',
  'classified',
  'assigned',
  'investigated',
  'resolution_proposed',
  'resolution_approved',
  'replied',
  'accepted',
  'not_established',
  'closed',
  'archived',
];

export class ResolutionItemViewDto {
  @ApiProperty() itemId!: string;
  @ApiProperty({ enum: RESOLUTION_ITEM_KINDS }) kind!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Amount in fen (0 when not monetary)' }) amountFen!: number;
}

export class FinePayeeDto {
  @ApiProperty({ enum: ['employee', 'bu_manager'] }) role!: string;
  @ApiProperty() bu!: string;
  @ApiPropertyOptional() employeeId?: string;
}

export class FineDto {
  @ApiProperty({ format: 'uuid' }) fineId!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseNumber!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: FinePayeeDto }) payee!: FinePayeeDto;
  @ApiProperty() amountFen!: number;
  @ApiProperty({ example: 'CMP-PEN-01' }) rule!: string;
  @ApiProperty({ example: 'v1' }) policyVersion!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
}

export class FollowUpViewDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) satisfaction?: number;
  @ApiPropertyOptional({ description: 'Why the follow-up was waived' }) waived?: string;
}

/** A complaints case as the decider knows it (libs/complaints/domain `OpenCase`). */
export class CalendarBasisDto {
  @ApiProperty({ example: 'v1' }) calendarVersion!: string;
  @ApiProperty() calendarIncomplete!: boolean;
  @ApiProperty({ type: [Number] }) missingYears!: readonly number[];
  @ApiPropertyOptional({
    description: 'Statutory holidays stood in for a year without an adopted calendar: the deadline may move',
  })
  provisional?: boolean;
}

export class DeadlineBasisDto {
  @ApiProperty({ enum: ['hours', 'working_days', 'promised_date'] }) basis!: string;
  @ApiPropertyOptional() amount?: number;
  @ApiProperty({ format: 'date-time', description: 'The instant the deadline counts from (receivedAt)' })
  from!: string;
  @ApiPropertyOptional({ type: CalendarBasisDto }) calendar?: CalendarBasisDto;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'TS-2026-000123' }) number!: string;
  @ApiProperty({ enum: CASE_KINDS }) kind!: string;
  @ApiProperty({ enum: CASE_CHANNELS }) channel!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() description!: string;
  @ApiProperty() concernedEmployeeId!: string;
  @ApiProperty() concernedBu!: string;
  @ApiProperty() receiverId!: string;
  @ApiProperty() receiverBu!: string;
  @ApiProperty({ format: 'date-time', description: 'When it was entered (by receiverId)' })
  registeredAt!: string;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the customer raised it (deadlines count from it); absent on older cases: registeredAt',
  })
  receivedAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'What the receiver promised the customer' })
  promisedBy?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The case this one was opened from' })
  linkedFrom?: string;
  @ApiProperty({ enum: CASE_STATUSES }) status!: string;
  @ApiProperty({ enum: SEVERITIES }) severity!: string;
  @ApiPropertyOptional({ enum: CASE_CAUSES }) cause?: string;
  @ApiPropertyOptional() handlerId?: string;
  @ApiPropertyOptional() responsibleBu?: string;
  @ApiProperty({ type: [ResolutionItemViewDto] }) items!: readonly ResolutionItemViewDto[];
  @ApiProperty({ enum: APPROVER_ROLES, nullable: true, description: 'Who must approve the resolution' })
  requiredApprover!: string | null;
  @ApiProperty({ type: [String] }) approvedItemIds!: readonly string[];
  @ApiPropertyOptional() approvedBy?: string;
  @ApiProperty({ type: [String] }) repliedItemIds!: readonly string[];
  @ApiProperty({ enum: ESCALATION_LEVELS }) escalationLevel!: string;
  @ApiProperty({ type: [String] }) linkedCaseIds!: readonly string[];
  @ApiPropertyOptional({ format: 'date-time' }) dueAt?: string;
  @ApiPropertyOptional({ type: DeadlineBasisDto }) deadline?: DeadlineBasisDto;
  @ApiProperty() deadlineExtended!: boolean;
  @ApiPropertyOptional({ format: 'date-time' }) resolvedAt?: string;
  @ApiProperty({ type: [String], description: 'The deadlines the case is overdue for' })
  overdueFor!: readonly string[];
  @ApiProperty() transferRequested!: boolean;
  @ApiProperty({ type: [FineDto] }) fines!: readonly FineDto[];
  @ApiPropertyOptional({ type: FollowUpViewDto }) followUp?: FollowUpViewDto;
  @ApiPropertyOptional({ format: 'date-time' }) closedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) retainUntil?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Set when read with `asOf`' }) asOf?: string;
}

export class CaseDecisionDto {
  @ApiProperty({ description: 'Position of the event in the case stream' }) version!: number;
  @ApiProperty({ example: 'CaseAssigned' }) type!: string;
  @ApiProperty({ description: 'What was decided, in words' }) decision!: string;
  @ApiPropertyOptional({ example: 'CMP-APR-04' }) rule?: string;
  @ApiPropertyOptional({ example: 'v1' }) policyVersion?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The calendar facts behind a computed deadline',
  })
  calendar?: Record<string, unknown>;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty({ format: 'date-time' }) businessTime!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event data' })
  data!: Record<string, unknown>;
}

export class CaseExplanationDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [CaseDecisionDto], description: 'Every decision on the case, oldest first' })
  decisions!: readonly CaseDecisionDto[];
}
