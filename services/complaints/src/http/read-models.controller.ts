import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CLOCK, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { ComplaintsReadModels, type PeriodStats, previousMonth } from '../projections/complaints-read-models';

const ANALYSTS = ['analyst', 'auditor', 'admin', 'cs_manager', 'bu_manager', 'gm'];

export class MonthQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(12) month?: number;
}

export class HalfYearQuery {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @Type(() => Number) @IsIn([1, 2]) half!: 1 | 2;
}

export class OpenCasesQuery {
  @IsOptional() @IsIn(['true', 'false']) overdueOnly?: 'true' | 'false';
}

export class RepeatQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(3660) days?: number;
}

export class LedgerQuery {
  @IsOptional() @IsString() @MaxLength(100) bu?: string;
  @IsOptional() @IsString() @MaxLength(100) employeeId?: string;
}

/** Read models for analysts (docs/read-models/complaints.md); all from complaints_read. */
@ApiTags('complaints read models')
@ApiBearerAuth()
@Controller('read-models')
export class ReadModelsController {
  constructor(
    private readonly models: ComplaintsReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('monthly-statistics')
  @Roles(...ANALYSTS)
  monthly(@Query() q: MonthQuery): Promise<PeriodStats> {
    const fallback = previousMonth(this.clock.now());
    return this.models.monthly(q.year ?? fallback.year, q.month ?? fallback.month);
  }

  @Get('half-year-summary')
  @Roles(...ANALYSTS)
  halfYear(@Query() q: HalfYearQuery): Promise<PeriodStats> {
    return this.models.halfYear(q.year, q.half);
  }

  @Get('open-cases')
  @Roles(...ANALYSTS)
  open(@Query() q: OpenCasesQuery): Promise<Record<string, unknown>[]> {
    return this.models.openCases(this.clock.now(), q.overdueOnly === 'true');
  }

  @Get('repeat-complainants')
  @Roles(...ANALYSTS)
  repeat(@Query() q: RepeatQuery): Promise<Record<string, unknown>[]> {
    return this.models.repeatComplainants(new Date(this.clock.now().getTime() - (q.days ?? 90) * 86_400_000));
  }

  @Get('penalty-ledger')
  @Roles(...ANALYSTS)
  ledger(@Query() q: LedgerQuery): Promise<Record<string, unknown>[]> {
    return this.models.penaltyLedger({
      ...(q.bu !== undefined ? { bu: q.bu } : {}),
      ...(q.employeeId !== undefined ? { employeeId: q.employeeId } : {}),
    });
  }
}
