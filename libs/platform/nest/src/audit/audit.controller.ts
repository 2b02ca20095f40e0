import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { EventStore, StreamVerification } from '@crm/event-store';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../errors/problem-details';
import { EVENT_STORE } from '../tokens';
import { AuditedEvent, StreamHistory, StreamHistoryQuery, auditedEvent } from './audit-dtos';

export const AUDIT_ROLES = ['auditor', 'admin'];

/** Generic audit access to any stream of this service: full history with metadata, and hash-chain verification. */
@ApiTags('audit')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is neither auditor nor admin' })
@Roles(...AUDIT_ROLES)
@Controller('audit/streams')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':streamId')
  @ApiOkResponse({ description: 'Every event of the stream with its metadata and hashes, oldest first' })
  @ApiNotFoundResponse({ description: 'The stream does not exist' })
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
  @ApiOkResponse({
    description: 'Hash-chain verification: ok, events checked and any altered or missing event',
  })
  verify(@Param('streamId') streamId: string): Promise<StreamVerification> {
    return this.store.verifyStream(streamId);
  }
}
