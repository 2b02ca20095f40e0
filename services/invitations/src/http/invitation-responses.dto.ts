import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { EVENT_SLOTS } from '@crm/invitations-domain';
import { ActorDto, DomainEventDto } from '@crm/nest';

export class ClaimDto {
  @ApiProperty({ format: 'uuid' }) invitationId!: string;
  @ApiProperty() bu!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty({ format: 'date-time' }) confirmedAt!: string;
  @ApiProperty({ example: '2026-12-09', description: 'The list day the confirmation counts for' })
  countsForDay!: string;
}

export class InviterDto {
  @ApiProperty() bu!: string;
  @ApiProperty() employeeId!: string;
}

/** One customer's invitation to a joint event (libs/invitations/domain `Invitation`). */
export class InvitationDto {
  @ApiProperty({ enum: ['none', 'invited'] }) status!: string;
  @ApiPropertyOptional({ format: 'uuid' }) jointEventId?: string;
  @ApiPropertyOptional() customerId?: string;
  @ApiPropertyOptional({ type: [ClaimDto], description: 'Every BU that confirmed the customer' })
  claims?: ClaimDto[];
  @ApiPropertyOptional({
    type: InviterDto,
    description: 'Who the customer counts for: the first confirmation, or the winner of the latest ruling',
  })
  inviter?: InviterDto;
  @ApiPropertyOptional({ enum: ['open', 'ruled', 'escalated', 'final'] }) conflict?: string;
  @ApiPropertyOptional({ format: 'date-time' }) attendedAt?: string;
  @ApiPropertyOptional({ type: [String], description: 'Approved sales assistants' }) assistants?: string[];
  @ApiPropertyOptional({ description: 'The employee pitching now' }) pitcher?: string;
  @ApiPropertyOptional({ type: [String] }) saleIds?: string[];
}

export class CreditBlockDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) blockedAt!: string;
}

export class InvitationWarningDto {
  @ApiProperty({ enum: ['invitation.customer_credit_blocked'] }) code!: string;
  @ApiProperty() detail!: string;
  @ApiProperty() bu!: string;
  @ApiProperty({ format: 'date-time' }) confirmedAt!: string;
  @ApiProperty({ type: [CreditBlockDto] }) blockedAccounts!: CreditBlockDto[];
}

export class InvitationAnswerDto {
  @ApiProperty({ type: InvitationDto }) invitation!: InvitationDto;
  @ApiProperty({ type: [DomainEventDto], description: 'The events the command recorded' })
  events!: DomainEventDto[];
  @ApiProperty({
    type: [InvitationWarningDto],
    description: "E.g. the customer's credit account is blocked (domain §6): the command succeeded anyway",
  })
  warnings!: InvitationWarningDto[];
}

export class FilingCutoffDto {
  @ApiProperty({ example: '2026-12-09' }) day!: string;
  @ApiProperty({ format: 'date-time' }) cutoffAt!: string;
}

export class FilingDto {
  @ApiProperty({ format: 'date-time' }) filedAt!: string;
  @ApiProperty() onTime!: boolean;
}

/** What the filings of one BU for one day established. */
export class DayFilingDto {
  @ApiProperty({ type: [String], description: 'Customers listed at or before the cut-off' })
  onTimeCustomers!: string[];
  @ApiProperty({ type: [String], description: 'Every customer any filing of the day named' })
  listedCustomers!: string[];
  @ApiProperty({ type: [String], description: "Next day's planned list (INV-01/02)" }) planned!: string[];
  @ApiProperty() plannedOnTime!: boolean;
  @ApiProperty() plannedFiled!: boolean;
  @ApiProperty() plannedMissed!: boolean;
  @ApiProperty() plannedFined!: boolean;
  @ApiProperty({ type: [FilingDto] }) filings!: FilingDto[];
  @ApiProperty() missed!: boolean;
  @ApiProperty() fined!: boolean;
}

export class DisputePartyViewDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() bu!: string;
}

export class DisputeDto {
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
  @ApiProperty({ type: [DisputePartyViewDto] }) parties!: DisputePartyViewDto[];
  @ApiPropertyOptional() customerId?: string;
  @ApiProperty() resolved!: boolean;
}

/** The maps below name their value schemas by reference, so those must be in the document too. */
@ApiExtraModels(DayFilingDto, DisputeDto)
export class JointEventDto {
  @ApiProperty({ enum: ['scheduled'] }) status!: string;
  @ApiProperty({ format: 'uuid' }) jointEventId!: string;
  @ApiProperty({ example: '2026-12-10' }) date!: string;
  @ApiProperty({ enum: EVENT_SLOTS }) slot!: string;
  @ApiProperty() venue!: string;
  @ApiProperty({ type: [String], description: 'Participating BUs in priority order' })
  businessUnits!: string[];
  @ApiProperty() coordinatorId!: string;
  @ApiProperty({ example: '2026-12-05' }) windowOpensOn!: string;
  @ApiProperty({ type: [FilingCutoffDto] }) cutoffs!: FilingCutoffDto[];
  @ApiProperty({ example: 'v1' }) policyVersion!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      additionalProperties: { $ref: '#/components/schemas/DayFilingDto' },
    },
    description: '`filings[bu][day]`',
  })
  filings!: Record<string, Record<string, DayFilingDto>>;
  @ApiProperty({ type: [String], description: 'Days whose cut-off passed' }) cutoffsReached!: string[];
  @ApiProperty({ type: [String], description: 'Days whose lists went back to the BUs (INV-04)' })
  released!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DisputeDto) },
    description: 'Dispute id → dispute',
  })
  disputes!: Record<string, DisputeDto>;
}

export class JointEventScheduledDto {
  @ApiProperty({ format: 'uuid' }) jointEventId!: string;
  @ApiProperty({ type: JointEventDto }) state!: JointEventDto;
}

export class RecordedEventsDto {
  @ApiProperty({ type: [DomainEventDto], description: 'The events the command recorded' })
  events!: DomainEventDto[];
}

export class DisputeRecordedDto {
  @ApiProperty({ format: 'uuid' }) disputeId!: string;
}

export class VisibleListDto extends DayFilingDto {
  @ApiProperty() bu!: string;
}

export class VisibleListsDto {
  @ApiProperty({ description: 'Released: every BU sees every list (INV-04)' }) released!: boolean;
  @ApiProperty({ type: [VisibleListDto], description: 'Before the release a BU sees only its own' })
  lists!: VisibleListDto[];
}

export class CurrentInviterDto {
  @ApiProperty() bu!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty({ description: 'The latest ruling, or the only confirmation' }) because!: string;
}

export class HistoryEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'InvitationConfirmed' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Who, when, why, under which policy (actor, businessTime, policyVersion, reason…)',
  })
  metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty({ type: String, nullable: true }) policyVersion!: string | null;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
}

const AUDITED = 'with recordedAt, actor, policyVersion and eventId';

export class InvitationExplanationDto {
  @ApiProperty({ format: 'uuid' }) jointEventId!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) asOf!: string | null;
  @ApiProperty({ type: CurrentInviterDto, nullable: true }) currentInviter!: CurrentInviterDto | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: `Each InvitationConfirmed's data ${AUDITED}`,
  })
  confirmations!: Record<string, unknown>[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      "Every list that named the customer (kind `filed`), and the missed lists of the claiming BUs' days",
  })
  lists!: Record<string, unknown>[];
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: `Each conflict detected, ruled or escalated: its type and data ${AUDITED}`,
  })
  rulings!: Record<string, unknown>[];
  @ApiProperty({ type: [InvitationWarningDto] }) warnings!: InvitationWarningDto[];
  @ApiProperty({ type: [HistoryEntryDto], description: "The invitation stream's full history with metadata" })
  history!: HistoryEntryDto[];
}
