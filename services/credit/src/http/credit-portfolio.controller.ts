import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CreditAccountExecutor } from '../application/credit-account.executor';
import { SetPortfolioCapDto } from './credit-account.dto';
import { CreditPortfolioDto } from './credit-account-view.dto';

/** The portfolio cap (CRD-31): receivables balance at a base date, set by the CFO. */
@ApiTags('credit-portfolio')
@Controller('credit-portfolio')
export class CreditPortfolioController {
  constructor(
    private readonly executor: CreditAccountExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('cap')
  @Roles('cfo')
  @ApiCommand({
    operationId: 'setPortfolioCap',
    summary: 'Set the portfolio cap from the receivables balance at a base date (CFO, CRD-31)',
    response: CreditPortfolioDto,
    errors: { 422: 'A credit rule refused; `rule` names it (CRD-31)' },
  })
  async setCap(
    @Body() b: SetPortfolioCapDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ): Promise<CreditPortfolioDto> {
    const now = this.clock.now();
    await this.executor.executePortfolio(
      { type: 'SetPortfolioCap', data: { ...b } },
      { actor, now, commandId: requestCommandId(), correlationId: corr },
    );
    return this.portfolio();
  }

  @Get()
  @Roles('credit_controller', 'marketing_vp', 'cfo', 'gm', 'chairman', 'auditor', 'analyst', 'admin')
  @ApiRead({
    operationId: 'getCreditPortfolio',
    summary: 'The portfolio cap and the active limits it bounds',
    response: CreditPortfolioDto,
  })
  async portfolio(): Promise<CreditPortfolioDto> {
    const p = await this.executor.portfolio();
    return { cap: p.cap ?? null, totalActiveLimitsFen: p.totalFen, limits: p.limits };
  }
}
