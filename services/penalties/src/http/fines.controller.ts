import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, type Actor } from '@crm/event-sourcing';
import {
  ApiCommand,
  ApiRead,
  CLOCK,
  CorrelationId,
  CurrentActor,
  ProblemException,
  requestCommandId,
  Roles,
} from '@crm/nest';
import type { Clock } from '@crm/policy';
import {
  APPEAL_DECIDER_ROLES,
  LEDGER_READ_ROLES,
  ledgerScope,
  type FineCommand,
} from '@crm/penalties-domain';
import { FineLedger } from '../application/fine-ledger';
import { decodeFineCursor } from '../projections/fine-cursor';
import { FineLedgerReader, type FineFilter, type FineRow } from '../projections/fine-ledger.reader';
import {
  AppealFineDto,
  DecideFineAppealDto,
  FineCommandResultDto,
  FineDto,
  FineListQuery,
  FinePageDto,
} from './fines.dto';

const FINE_ERRORS = {
  403: '`fine.not_the_payee` (only the fined employee appeals), `fine.gm_only`',
  404: '`fine.not_found`',
  409: '`fine.already_appealed`, `fine.not_appealed`, or a concurrent change',
  422: '`fine.appeal_window_closed`: the ⚙ working days after issue have passed',
} as const;

const badCursor = (): ProblemException =>
  new ProblemException(400, 'validation_failed', 'after is not a cursor this list issued.', {
    errors: [{ field: 'after', constraints: { isCursor: 'after must be a nextCursor of this list' } }],
  });

/** The filter an actor asked for, narrowed to the part of the ledger they may read. */
export const scopedFilter = (actor: Actor, asked: FineFilter): FineFilter => {
  const scope = ledgerScope(actor);
  if (scope.kind === 'bu') return { ...asked, bu: scope.bu };
  if (scope.kind === 'own') return { ...asked, employeeId: scope.employeeId };
  return asked;
};

/** HTTP in, command or query out; who may appeal or decide is the domain's rule. */
@ApiTags('fines')
@Controller('fines')
export class FinesController {
  constructor(
    private readonly ledger: FineLedger,
    private readonly reader: FineLedgerReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...LEDGER_READ_ROLES)
  @ApiRead({
    operationId: 'listFines',
    summary: 'The penalty ledger, newest first, filtered by BU, employee, rule, month, status; cursor paging',
    description: 'Head office sees every fine, a BU manager the BU, anyone else their own fines.',
    response: FinePageDto,
  })
  async list(@Query() q: FineListQuery, @CurrentActor() actor: Actor): Promise<FinePageDto> {
    const after = q.after === undefined ? undefined : decodeFineCursor(q.after);
    if (q.after !== undefined && after === undefined) throw badCursor();
    const { limit, after: _after, ...asked } = q;
    return this.reader.list(scopedFilter(actor, asked), {
      limit: limit ?? 50,
      ...(after !== undefined ? { after } : {}),
    }) as Promise<FinePageDto>;
  }

  @Get(':fineId')
  @Roles(...LEDGER_READ_ROLES)
  @ApiRead({
    operationId: 'getFine',
    summary: 'One fine: who pays and why, its cause, appeal and decision',
    response: FineDto,
    errors: { 404: '`fine.not_found`' },
  })
  async one(@Param('fineId') fineId: string, @CurrentActor() actor: Actor): Promise<FineDto> {
    const row = await this.reader.one(fineId);
    if (row === undefined || !visible(actor, row)) {
      throw new DomainError('not_found', 'fine.not_found', 'no such fine');
    }
    return row as FineDto;
  }

  @Post(':fineId/appeal')
  @Roles(...LEDGER_READ_ROLES)
  @ApiCommand({
    operationId: 'appealFine',
    summary: 'The fined employee appeals within the appeal window',
    status: 200,
    response: FineCommandResultDto,
    errors: FINE_ERRORS,
  })
  appeal(
    @Param('fineId') fineId: string,
    @Body() body: AppealFineDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ): Promise<FineCommandResultDto> {
    return this.run(fineId, { type: 'AppealFine', data: { grounds: body.grounds } }, actor, corr);
  }

  @Post(':fineId/decision')
  @Roles(...APPEAL_DECIDER_ROLES)
  @ApiCommand({
    operationId: 'decideFineAppeal',
    summary: 'The GM upholds or waives an appealed fine, with a reason (CMP-APR-05/08/10)',
    status: 200,
    response: FineCommandResultDto,
    errors: FINE_ERRORS,
  })
  decide(
    @Param('fineId') fineId: string,
    @Body() body: DecideFineAppealDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() corr: string,
  ): Promise<FineCommandResultDto> {
    return this.run(
      fineId,
      { type: 'DecideFineAppeal', data: { outcome: body.outcome, reason: body.reason } },
      actor,
      corr,
    );
  }

  private async run(
    fineId: string,
    command: FineCommand,
    actor: Actor,
    correlationId: string,
  ): Promise<FineCommandResultDto> {
    const result = await this.ledger.execute(fineId, command, {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId,
    });
    return {
      fineId,
      events: result.events.map((e) => e.type),
      status: result.state.status,
    };
  }
}

const visible = (actor: Actor, row: FineRow): boolean => {
  const scope = ledgerScope(actor);
  if (scope.kind === 'bu') return row.issuedBu === scope.bu;
  if (scope.kind === 'own') return row.employeeId === scope.employeeId;
  return true;
};
