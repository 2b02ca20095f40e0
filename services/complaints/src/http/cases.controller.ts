import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import { CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CaseCommandHandler, type CaseAction, type CaseOutcome } from '../application/case-command.handler';
import { CaseQueries, type Explanation } from '../application/case-queries';
import { RegisterCaseHandler } from '../application/register-case.handler';
import {
  AsOfQuery,
  AssignCaseDto,
  ClassifyCaseDto,
  ExtendRetentionDto,
  FindingsDto,
  FollowUpDto,
  ProposeResolutionDto,
  ReasonDto,
  RegisterCaseDto,
  RegisteredCaseResponse,
  ReplyDto,
  TransferReceiverDto,
} from './case.dto';

const CASE_WORKERS = ['cs_agent', 'cs_manager', 'staff', 'bu_manager', 'gm'];
const MANAGERS = ['cs_manager', 'bu_manager', 'gm'];
const READERS = [...CASE_WORKERS, 'auditor', 'admin'];

/** HTTP in, command out: every rule is in the case decider (libs/complaints/domain). */
@ApiTags('cases')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
@ApiBadRequestResponse({ description: 'Malformed body; the problem names the field' })
@ApiForbiddenResponse({ description: 'Role not allowed, or approval authority too low (CMP-APR-07)' })
@ApiNotFoundResponse({ description: 'case.not_found' })
@ApiConflictResponse({ description: 'case.invalid_state or a concurrent change' })
@ApiUnprocessableEntityResponse({ description: 'A business rule refused; `rule` names it (e.g. CMP-APR-04)' })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly registration: RegisterCaseHandler,
    private readonly cases: CaseCommandHandler,
    private readonly queries: CaseQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private ctx(actor: Actor, correlationId: string, reason?: string): CommandContext {
    return {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId,
      ...(reason !== undefined ? { reason } : {}),
    };
  }

  private act(
    id: string,
    command: CaseAction,
    actor: Actor,
    correlationId: string,
    reason?: string,
  ): Promise<CaseOutcome> {
    return this.cases.act(id, command, this.ctx(actor, correlationId, reason));
  }

  @Post()
  @Roles(...CASE_WORKERS)
  register(
    @Body() body: RegisterCaseDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<RegisteredCaseResponse> {
    return this.registration.handle({ ...body }, this.ctx(actor, correlationId));
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id') id: string, @Query() query: AsOfQuery): Promise<Record<string, unknown>> {
    return this.queries.get(id, query.asOf !== undefined ? new Date(query.asOf) : undefined);
  }

  @Get(':id/explanation')
  @Roles('auditor', 'admin', 'cs_manager', 'bu_manager', 'gm')
  explanation(@Param('id') id: string): Promise<Explanation> {
    return this.queries.explain(id);
  }

  @Post(':id/classify')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  classify(
    @Param('id') id: string,
    @Body() b: ClassifyCaseDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(
      id,
      {
        type: 'ClassifyCase',
        data: { cause: b.cause, ...(b.severity !== undefined ? { severity: b.severity } : {}) },
      },
      a,
      c,
    );
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  assign(
    @Param('id') id: string,
    @Body() b: AssignCaseDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(
      id,
      { type: 'AssignCase', data: { handlerId: b.handlerId, responsibleBu: b.responsibleBu } },
      a,
      c,
    );
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  transfer(
    @Param('id') id: string,
    @Body() b: TransferReceiverDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(
      id,
      { type: 'TransferReceiver', data: { toReceiverId: b.toReceiverId, toBu: b.toBu } },
      a,
      c,
    );
  }

  @Post(':id/investigation')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  investigate(
    @Param('id') id: string,
    @Body() b: FindingsDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(id, { type: 'RecordInvestigation', data: { findings: b.findings } }, a, c);
  }

  @Post(':id/resolution')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  propose(
    @Param('id') id: string,
    @Body() b: ProposeResolutionDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    const items = b.items.map((i) => ({
      itemId: i.itemId,
      kind: i.kind,
      description: i.description,
      amountFen: i.amountFen,
    }));
    return this.act(id, { type: 'ProposeResolution', data: { items } }, a, c);
  }

  @Post(':id/resolution/approval')
  @HttpCode(200)
  @Roles(...MANAGERS)
  approve(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'ApproveResolution', data: {} }, a, c);
  }

  @Post(':id/resolution/send-back')
  @HttpCode(200)
  @Roles(...MANAGERS)
  sendBack(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(id, { type: 'SendBackResolution', data: { reason: b.reason } }, a, c, b.reason);
  }

  @Post(':id/reply')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  reply(@Param('id') id: string, @Body() b: ReplyDto, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'ReplyToCustomer', data: { itemIds: b.itemIds, message: b.message } }, a, c);
  }

  @Post(':id/acceptance')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  accept(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'RecordAcceptance', data: {} }, a, c);
  }

  @Post(':id/rejection')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  reject(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.cases.reject(id, b.reason, this.ctx(a, c, b.reason));
  }

  @Post(':id/not-established')
  @HttpCode(200)
  @Roles(...MANAGERS)
  notEstablished(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(id, { type: 'DeclareNotEstablished', data: { reason: b.reason } }, a, c, b.reason);
  }

  @Post(':id/deadline-extension')
  @HttpCode(200)
  @Roles(...MANAGERS)
  extend(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.cases.extendDeadline(id, this.ctx(a, c, b.reason));
  }

  @Post(':id/follow-up')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  followUp(
    @Param('id') id: string,
    @Body() b: FollowUpDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    const data = { satisfaction: b.satisfaction, ...(b.note !== undefined ? { note: b.note } : {}) };
    return this.act(id, { type: 'RecordFollowUp', data }, a, c);
  }

  @Post(':id/follow-up-waiver')
  @HttpCode(200)
  @Roles(...MANAGERS)
  waive(@Param('id') id: string, @Body() b: ReasonDto, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'WaiveFollowUp', data: { reason: b.reason } }, a, c, b.reason);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(...CASE_WORKERS)
  close(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.cases.close(id, this.ctx(a, c));
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles(...MANAGERS)
  archive(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'ArchiveCase', data: {} }, a, c);
  }

  @Post(':id/retention')
  @HttpCode(200)
  @Roles(...MANAGERS)
  retention(
    @Param('id') id: string,
    @Body() b: ExtendRetentionDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(
      id,
      { type: 'ExtendRetention', data: { retainUntil: b.retainUntil, reason: b.reason } },
      a,
      c,
      b.reason,
    );
  }
}
