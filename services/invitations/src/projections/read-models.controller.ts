import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '@crm/nest';
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

const READERS = ['analyst', 'auditor', 'coordinator', 'gm', 'bu_manager', 'admin'];

/** The invitations read models over HTTP (analysts may also read the tables directly). */
@ApiTags('invitations-read-models')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
@Controller()
@Roles(...READERS)
export class ReadModelsController {
  constructor(private readonly readModels: ReadModels) {}

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
