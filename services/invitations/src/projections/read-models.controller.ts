import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiRead, ProblemException, Roles } from '@crm/nest';
import {
  ConflictRowDto,
  FilingComplianceRowDto,
  InvitationPenaltyRowDto,
  JointEventBoardDto,
} from './read-models.dto';
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
@Controller()
@Roles(...READERS)
export class ReadModelsController {
  constructor(private readonly readModels: ReadModels) {}

  /** Staff read it too: they pick the event they invite customers to. */
  @Get('joint-events')
  @Roles(...READERS, 'staff')
  @ApiRead({
    operationId: 'listJointEvents',
    summary: 'Scheduled joint events, newest first, with cursor paging',
    response: {
      mediaType: 'application/json',
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { type: 'object', additionalProperties: true } },
          nextCursor: { type: 'string', nullable: true },
        },
      },
    },
  })
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
  @ApiRead({
    operationId: 'getJointEventBoard',
    summary: 'The event board: confirmations per day, attendance and sales per BU and employee',
    response: JointEventBoardDto,
  })
  board(@Param('jointEventId', ParseUUIDPipe) jointEventId: string): Promise<Record<string, unknown>> {
    return this.readModels.board(jointEventId);
  }

  @Get('invitation-conflicts')
  @ApiRead({
    operationId: 'listInvitationConflicts',
    summary: "The coordinator's queue of customers claimed by more than one BU",
    response: [ConflictRowDto],
  })
  conflicts(@Query() query: ConflictQueueQuery): Promise<Record<string, unknown>[]> {
    return this.readModels.conflictQueue(query.status);
  }

  @Get('filing-compliance')
  @ApiRead({
    operationId: 'getFilingCompliance',
    summary: 'Daily lists due, on time, late and missing per BU, with the INV-07 fines',
    response: [FilingComplianceRowDto],
  })
  compliance(@Query() query: BuFilterQuery): Promise<Record<string, unknown>[]> {
    return this.readModels.filingCompliance(query.bu);
  }

  @Get('penalty-ledger')
  @ApiRead({
    operationId: 'listPenaltyLedger',
    summary: 'Every invitation fine with BU, employee, rule and policy version',
    response: [InvitationPenaltyRowDto],
  })
  penalties(@Query() query: BuFilterQuery): Promise<Record<string, unknown>[]> {
    return this.readModels.penaltyLedger(query.bu);
  }
}
