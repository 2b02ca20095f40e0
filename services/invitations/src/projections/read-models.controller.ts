import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ProblemException, Roles } from '@crm/nest';
import { decodeJointEventCursor } from './joint-event-cursor';
import { ReadModels } from './read-models.reader';

export class BuFilterQuery {
  @ApiPropertyOptional({ example: 'bu-1' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bu?: string;
}

export class ConflictQueueQuery {
  @ApiPropertyOptional({ enum: ['open', 'escalated', 'ruled', 'final'] })
  @IsOptional()
  @IsIn(['open', 'escalated', 'ruled', 'final'])
  status?: string;
}

export class JointEventListQuery extends BuFilterQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  after?: string;
}

const READERS = ['analyst', 'auditor', 'coordinator', 'gm', 'bu_manager', 'admin'];

/** The invitations read models over HTTP (analysts may also read the tables directly). */
@ApiTags('invitations-read-models')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
@Controller()
@Roles(...READERS)
export class ReadModelsController {
  constructor(private readonly readModels: ReadModels) {}

  /** Staff read it too: they pick the event they invite customers to. */
  @Get('joint-events')
  @Roles(...READERS, 'staff')
  jointEvents(
    @Query() query: JointEventListQuery,
  ): Promise<{ items: Record<string, unknown>[]; nextCursor: string | null }> {
    const after = query.after === undefined ? undefined : decodeJointEventCursor(query.after);
    if (query.after !== undefined && after === undefined) {
      throw new ProblemException(400, 'validation_failed', 'after is not a cursor this list issued.', {
        errors: [{ field: 'after', constraints: { isCursor: 'after must be a nextCursor of this list' } }],
      });
    }
    return this.readModels.jointEvents({
      ...(query.bu !== undefined ? { bu: query.bu } : {}),
      limit: query.limit ?? 50,
      ...(after !== undefined ? { after } : {}),
    });
  }

  @Get('joint-events/:jointEventId/board')
  board(@Param('jointEventId', ParseUUIDPipe) jointEventId: string): Promise<Record<string, unknown>> {
    return this.readModels.board(jointEventId);
  }

  @Get('invitation-conflicts')
  conflicts(@Query() query: ConflictQueueQuery): Promise<Record<string, unknown>[]> {
    return this.readModels.conflictQueue(query.status);
  }

  @Get('filing-compliance')
  compliance(@Query() query: BuFilterQuery): Promise<Record<string, unknown>[]> {
    return this.readModels.filingCompliance(query.bu);
  }

  @Get('penalty-ledger')
  penalties(@Query() query: BuFilterQuery): Promise<Record<string, unknown>[]> {
    return this.readModels.penaltyLedger(query.bu);
  }
}
