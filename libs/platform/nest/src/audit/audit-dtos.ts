import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { StoredEvent } from '@crm/event-store';

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
