import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { EventStore, StreamVerification } from '@crm/event-store';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../errors/problem-details';
import { ApiRead } from '../openapi/api-operation';
import { EVENT_STORE } from '../tokens';
import {
  AuditedEvent,
  StreamHistory,
  StreamHistoryDto,
  StreamHistoryQuery,
  StreamVerificationDto,
  auditedEvent,
} from './audit-dtos';

export const AUDIT_ROLES = ['auditor', 'admin'];

/** Generic audit access to any stream of this service: full history with metadata, and hash-chain verification. */
@ApiTags('audit')
@Roles(...AUDIT_ROLES)
@Controller('audit/streams')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':streamId')
  @ApiRead({
    operationId: 'readAuditedStream',
    summary: 'Every event of a stream with its metadata and hashes, oldest first (auditor, admin)',
    response: StreamHistoryDto,
    errors: { 403: 'The caller is neither auditor nor admin', 404: '`stream_not_found`' },
  })
  async history(
    @Param('streamId') streamId: string,
    @Query() query: StreamHistoryQuery,
  ): Promise<StreamHistory> {
    if ((await this.store.streamVersion(streamId)) < 0) {
      throw new ProblemException(404, 'stream_not_found', `Stream '${streamId}' does not exist.`, {
        streamId,
      });
    }
    const until = query.until !== undefined ? new Date(query.until) : undefined;
    const events: AuditedEvent[] = [];
    for await (const event of this.store.readStream(streamId, until !== undefined ? { until } : {})) {
      events.push(auditedEvent(event));
    }
    return { streamId, ...(until !== undefined ? { until: until.toISOString() } : {}), events };
  }

  @Get(':streamId/verify')
  @ApiRead({
    operationId: 'verifyAuditedStream',
    summary: "Verify a stream's hash chain: ok, events checked, any altered or missing event",
    response: StreamVerificationDto,
    errors: { 403: 'The caller is neither auditor nor admin' },
  })
  verify(@Param('streamId') streamId: string): Promise<StreamVerification> {
    return this.store.verifyStream(streamId);
  }
}
