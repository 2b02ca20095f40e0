import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ApiRead, Roles } from '@crm/nest';
import {
  ConflictRowDto,
  FilingComplianceRowDto,
  InvitationPenaltyRowDto,
  JointEventBoardDto,
} from './read-models.dto';
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
@Controller()
@Roles(...READERS)
export class ReadModelsController {
  constructor(private readonly readModels: ReadModels) {}

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
