import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CaseCommandHandler, type CaseAction, type CaseOutcome } from '../application/case-command.handler';
import { CaseQueries, type Explanation } from '../application/case-queries';
import { RegisterCaseHandler } from '../application/register-case.handler';
import {
  AsOfQuery,
  AssignCaseDto,
  CaseOutcomeResponse,
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
import { CaseDto, CaseExplanationDto } from './case-view.dto';

const CASE_WORKERS = ['cs_agent', 'cs_manager', 'staff', 'bu_manager', 'gm'];
const MANAGERS = ['cs_manager', 'bu_manager', 'gm'];
const READERS = [...CASE_WORKERS, 'auditor', 'admin'];

const CASE_ERRORS = {
  403: 'Role not allowed, or approval authority too low (CMP-APR-07)',
  404: '`case.not_found`',
  409: '`case.invalid_state`, or a concurrent change',
  422: 'A business rule refused; `rule` names it (e.g. CMP-APR-04)',
} as const;

/** A command on an existing case: 200 with the outcome; the errors every case command may meet. */
const CaseCommand = (operationId: string, summary: string): MethodDecorator =>
  ApiCommand({ operationId, summary, status: 200, response: CaseOutcomeResponse, errors: CASE_ERRORS });

/** HTTP in, command out: every rule is in the case decider (libs/complaints/domain). */
@ApiTags('cases')
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
  @ApiCommand({
    operationId: 'registerCase',
    summary: 'Register a case (inquiry, suggestion, complaint, grievance); severity and deadline are decided',
    response: RegisteredCaseResponse,
    errors: { 403: CASE_ERRORS[403], 422: CASE_ERRORS[422] },
  })
  register(
    @Body() body: RegisterCaseDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<RegisteredCaseResponse> {
    return this.registration.handle({ ...body }, this.ctx(actor, correlationId));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiRead({
    operationId: 'getCase',
    summary: 'One case from its event stream; `asOf` for the case as recorded at a past instant',
    response: CaseDto,
    errors: { 404: '`case.not_found` (also when it did not exist yet at `asOf`)' },
  })
  get(@Param('id') id: string, @Query() query: AsOfQuery): Promise<Record<string, unknown>> {
    return this.queries.get(id, query.asOf !== undefined ? new Date(query.asOf) : undefined);
  }

  @Get(':id/explanation')
  @Roles('auditor', 'admin', 'cs_manager', 'bu_manager', 'gm')
  @ApiRead({
    operationId: 'explainCase',
    summary: 'Every decision on the case with the rule, policy version and calendar it used',
    response: CaseExplanationDto,
    errors: { 404: '`case.not_found`' },
  })
  explanation(@Param('id') id: string): Promise<Explanation> {
    return this.queries.explain(id);
  }

  @Post(':id/classify')
  @Roles(...CASE_WORKERS)
  @CaseCommand('classifyCase', 'Classify the cause (and severity) of a case')
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
  @Roles(...CASE_WORKERS)
  @CaseCommand('assignCase', 'Assign a handler and the responsible BU')
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
  @Roles(...CASE_WORKERS)
  @CaseCommand('transferCaseReceiver', 'Transfer the case to another receiver')
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
  @Roles(...CASE_WORKERS)
  @CaseCommand('recordInvestigation', 'Record the findings of the investigation')
  investigate(
    @Param('id') id: string,
    @Body() b: FindingsDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(id, { type: 'RecordInvestigation', data: { findings: b.findings } }, a, c);
  }

  @Post(':id/resolution')
  @Roles(...CASE_WORKERS)
  @CaseCommand('proposeResolution', 'Propose the resolution items (refunds, compensation, apology…)')
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
  @Roles(...MANAGERS)
  @CaseCommand('approveResolution', 'Approve the proposed resolution (authority by amount, CMP-APR)')
  approve(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'ApproveResolution', data: {} }, a, c);
  }

  @Post(':id/resolution/send-back')
  @Roles(...MANAGERS)
  @CaseCommand('sendBackResolution', 'Send the proposed resolution back with a reason')
  sendBack(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(id, { type: 'SendBackResolution', data: { reason: b.reason } }, a, c, b.reason);
  }

  @Post(':id/reply')
  @Roles(...CASE_WORKERS)
  @CaseCommand('replyToCustomer', 'Reply to the customer with approved resolution items')
  reply(@Param('id') id: string, @Body() b: ReplyDto, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'ReplyToCustomer', data: { itemIds: b.itemIds, message: b.message } }, a, c);
  }

  @Post(':id/acceptance')
  @Roles(...CASE_WORKERS)
  @CaseCommand('recordAcceptance', 'The customer accepted the resolution')
  accept(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'RecordAcceptance', data: {} }, a, c);
  }

  @Post(':id/rejection')
  @Roles(...CASE_WORKERS)
  @CaseCommand(
    'recordRejection',
    'The customer rejected the resolution; past the ladder a linked case is opened (CMP-FUP-10)',
  )
  reject(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.cases.reject(id, b.reason, this.ctx(a, c, b.reason));
  }

  @Post(':id/not-established')
  @Roles(...MANAGERS)
  @CaseCommand('declareNotEstablished', 'Declare the complaint not established, with the reason')
  notEstablished(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.act(id, { type: 'DeclareNotEstablished', data: { reason: b.reason } }, a, c, b.reason);
  }

  @Post(':id/deadline-extension')
  @Roles(...MANAGERS)
  @CaseCommand('extendCaseDeadline', 'Extend the deadline once, with the reason')
  extend(
    @Param('id') id: string,
    @Body() b: ReasonDto,
    @CurrentActor() a: Actor,
    @CorrelationId() c: string,
  ) {
    return this.cases.extendDeadline(id, this.ctx(a, c, b.reason));
  }

  @Post(':id/follow-up')
  @Roles(...CASE_WORKERS)
  @CaseCommand('recordFollowUp', "Record the follow-up call and the customer's satisfaction")
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
  @Roles(...MANAGERS)
  @CaseCommand('waiveFollowUp', 'Waive the follow-up, with the reason')
  waive(@Param('id') id: string, @Body() b: ReasonDto, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'WaiveFollowUp', data: { reason: b.reason } }, a, c, b.reason);
  }

  @Post(':id/close')
  @Roles(...CASE_WORKERS)
  @CaseCommand('closeCase', 'Close the case')
  close(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.cases.close(id, this.ctx(a, c));
  }

  @Post(':id/archive')
  @Roles(...MANAGERS)
  @CaseCommand('archiveCase', 'Archive a closed case')
  archive(@Param('id') id: string, @CurrentActor() a: Actor, @CorrelationId() c: string) {
    return this.act(id, { type: 'ArchiveCase', data: {} }, a, c);
  }

  @Post(':id/retention')
  @Roles(...MANAGERS)
  @CaseCommand('extendRetention', 'Keep the archived case beyond its retention period')
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
