import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { HashChainProblem, StoredEvent, StreamVerification } from '@crm/event-store';

export class StreamHistoryQuery {
  @ApiPropertyOptional({ description: 'As-of read: only events recorded at or before this ISO-8601 instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;
}

/** A stored event as JSON (positions are bigints, sent as decimal strings). */
export interface AuditedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly version: number;
  readonly position: { readonly commit: string; readonly prepare: string };
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
  readonly hash: string;
  readonly previousHash: string;
}

export interface StreamHistory {
  readonly streamId: string;
  readonly until?: string;
  readonly events: readonly AuditedEvent[];
}

export const auditedEvent = (event: StoredEvent): AuditedEvent => ({
  id: event.id,
  streamId: event.streamId,
  type: event.type,
  version: event.version,
  position: { commit: event.position.commit.toString(), prepare: event.position.prepare.toString() },
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt.toISOString(),
  hash: event.hash,
  previousHash: event.previousHash,
});

export class EventPositionDto {
  @ApiProperty({ example: '1042', description: 'Commit position (a bigint as a decimal string)' })
  commit!: string;
  @ApiProperty({ example: '1042' }) prepare!: string;
}

export class AuditedEventDto implements AuditedEvent {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() streamId!: string;
  @ApiProperty({ example: 'CustomerRegistered' }) type!: string;
  @ApiProperty({ description: 'Position in its stream, from 0' }) version!: number;
  @ApiProperty({ type: EventPositionDto }) position!: EventPositionDto;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: Record<string, unknown>;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Actor, correlation and causation ids, policy version…',
  })
  metadata!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() hash!: string;
  @ApiProperty() previousHash!: string;
}

export class StreamHistoryDto implements StreamHistory {
  @ApiProperty() streamId!: string;
  @ApiPropertyOptional({ format: 'date-time' }) until?: string;
  @ApiProperty({ type: [AuditedEventDto], description: 'Oldest first' }) events!: AuditedEventDto[];
}

export class HashChainProblemDto implements HashChainProblem {
  @ApiProperty({ enum: ['altered', 'missing', 'broken_link', 'head_mismatch'] })
  kind!: 'altered' | 'missing' | 'broken_link' | 'head_mismatch';
  @ApiProperty() version!: number;
  @ApiPropertyOptional({ format: 'uuid' }) eventId?: string;
  @ApiProperty() detail!: string;
}

export class StreamVerificationDto implements StreamVerification {
  @ApiProperty() streamId!: string;
  @ApiProperty() ok!: boolean;
  @ApiProperty() eventsChecked!: number;
  @ApiProperty({ type: [HashChainProblemDto] }) problems!: HashChainProblemDto[];
}
