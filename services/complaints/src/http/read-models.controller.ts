import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiRead, CLOCK, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { OpenCaseRowDto, PenaltyRowDto, PeriodStatsDto, RepeatComplainantRowDto } from './read-models.dto';
import { ComplaintsReadModels, type PeriodStats, previousMonth } from '../projections/complaints-read-models';

const ANALYSTS = ['analyst', 'auditor', 'admin', 'cs_manager', 'bu_manager', 'gm'];

export class MonthQuery {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, description: 'Default: the previous month' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(12)
  month?: number;
}

export class HalfYearQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
  @ApiProperty({ enum: [1, 2] })
  @Type(() => Number)
  @IsIn([1, 2])
  half!: 1 | 2;
}

export class OpenCasesQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdueOnly?: 'true' | 'false';
}

export class RepeatQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 3660, default: 90, description: 'Look-back window in days' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  days?: number;
}

export class LedgerQuery {
  @ApiPropertyOptional({ description: "Only this BU's fines" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bu?: string;
  @ApiPropertyOptional({ description: "Only this employee's fines" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  employeeId?: string;
}

/** Read models for analysts (docs/read-models/complaints.md); all from complaints_read. */
@ApiTags('complaints read models')
@Controller('read-models')
export class ReadModelsController {
  constructor(
    private readonly models: ComplaintsReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('monthly-statistics')
  @Roles(...ANALYSTS)
  @ApiRead({
    operationId: 'getMonthlyStatistics',
    summary: 'Cases closed in a month by kind, cause, BU and severity (default: the previous month)',
    response: PeriodStatsDto,
  })
  monthly(@Query() q: MonthQuery): Promise<PeriodStats> {
    const fallback = previousMonth(this.clock.now());
    return this.models.monthly(q.year ?? fallback.year, q.month ?? fallback.month);
  }

  @Get('half-year-summary')
  @Roles(...ANALYSTS)
  @ApiRead({
    operationId: 'getHalfYearSummary',
    summary: 'Cases closed in a half year by kind, cause, BU and severity',
    response: PeriodStatsDto,
  })
  halfYear(@Query() q: HalfYearQuery): Promise<PeriodStats> {
    return this.models.halfYear(q.year, q.half);
  }

  @Get('open-cases')
  @Roles(...ANALYSTS)
  @ApiRead({
    operationId: 'listOpenCases',
    summary: 'Cases not closed yet, soonest deadline first (at most 500)',
    response: [OpenCaseRowDto],
  })
  open(@Query() q: OpenCasesQuery): Promise<Record<string, unknown>[]> {
    return this.models.openCases(this.clock.now(), q.overdueOnly === 'true');
  }

  @Get('repeat-complainants')
  @Roles(...ANALYSTS)
  @ApiRead({
    operationId: 'listRepeatComplainants',
    summary: 'Customers with more than one complaint or grievance in the window (default 90 days)',
    response: [RepeatComplainantRowDto],
  })
  repeat(@Query() q: RepeatQuery): Promise<Record<string, unknown>[]> {
    return this.models.repeatComplainants(new Date(this.clock.now().getTime() - (q.days ?? 90) * 86_400_000));
  }

  @Get('penalty-ledger')
  @Roles(...ANALYSTS)
  @ApiRead({
    operationId: 'listPenaltyLedger',
    summary: 'The penalty ledger: every fine with payee, rule and policy version',
    response: [PenaltyRowDto],
  })
  ledger(@Query() q: LedgerQuery): Promise<Record<string, unknown>[]> {
    return this.models.penaltyLedger({
      ...(q.bu !== undefined ? { bu: q.bu } : {}),
      ...(q.employeeId !== undefined ? { employeeId: q.employeeId } : {}),
    });
  }
}
