import type { Actor } from '@crm/event-sourcing';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { ActorDto } from '@crm/nest';
import { VALUE_TIERS } from '@crm/customers-domain';

export class AsOfQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Show the record as the system knew it at this instant (record time)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class OwnershipDecisionDto {
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: ['registered', 'ownership_changed', 'dispute_ruled', 'lapsed', 'lapse_cleared'] })
  decision!: string;
  @ApiProperty({ format: 'date-time', description: 'Business time of the decision' }) at!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: ActorDto, description: 'Who decided' }) actor!: Actor;
  @ApiProperty({ example: 'ARC-71' }) rule!: string;
  @ApiProperty({ description: 'The facts the decision rested on' }) basis!: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'v1' }) policyVersion?: string;
  @ApiPropertyOptional({ example: 'unresolved_complaint' }) reason?: string;
  @ApiProperty({ description: 'Owning BU after this decision' }) ownerBu!: string;
  @ApiProperty() ownerEmployeeId!: string;
}

export class ClassificationDto {
  @ApiProperty({ format: 'uuid' }) customerId!: string;
  @ApiProperty({ enum: VALUE_TIERS }) tier!: string;
  @ApiPropertyOptional({ enum: VALUE_TIERS }) previousTier?: string;
  @ApiProperty({ enum: ['manual', 'policy'] }) mode!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Thresholds or the note it rested on',
  })
  basis!: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'v1' }) policyVersion?: string;
  @ApiProperty() decidedBy!: string;
  @ApiProperty({ format: 'date-time' }) classifiedAt!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
}
