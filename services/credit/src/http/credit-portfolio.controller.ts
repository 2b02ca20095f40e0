import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CreditAccountExecutor } from '../application/credit-account.executor';
import { SetPortfolioCapDto } from './credit-account.dto';

/** The portfolio cap (CRD-31): receivables balance at a base date, set by the CFO. */
@ApiTags('credit-portfolio')
@ApiBearerAuth()
@Controller('credit-portfolio')
export class CreditPortfolioController {
  constructor(
    private readonly executor: CreditAccountExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('cap')
  @Roles('cfo')
  async setCap(@Body() b: SetPortfolioCapDto, @CurrentActor() actor: Actor, @CorrelationId() corr: string) {
    const now = this.clock.now();
    await this.executor.executePortfolio(
      { type: 'SetPortfolioCap', data: { ...b } },
      { actor, now, commandId: requestCommandId(), correlationId: corr },
    );
    return this.portfolio();
  }

  @Get()
  @Roles('credit_controller', 'marketing_vp', 'cfo', 'gm', 'chairman', 'auditor', 'analyst', 'admin')
  async portfolio() {
    const p = await this.executor.portfolio();
    return { cap: p.cap ?? null, totalActiveLimitsFen: p.totalFen, limits: p.limits };
  }
}
