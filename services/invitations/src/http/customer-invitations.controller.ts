import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import {
  CONFIRMING_ROLES,
  creditWarnings,
  type InvitationCommand,
  type InvitationConfirmed,
  type InvitationState,
  type InvitationWarning,
} from '@crm/invitations-domain';
import { InvitationsApp } from '../application/invitations-app';
import { InvitationExplanations, type Explanation } from '../application/invitation-explanation';
import { asOfDate, commandContext } from './command-context';
import { Target, type InvitationTarget } from './invitation-target.decorator';
import {
  ApproveAssistDto,
  AsOfQuery,
  ConfirmInvitationDto,
  EmployeeDto,
  EscalateConflictDto,
  RecordSaleDto,
  RuleConflictDto,
} from './joint-event.dto';
import { InvitationAnswerDto, InvitationExplanationDto } from './invitation-responses.dto';

const NOT_FOUND = '`invitation.joint_event_not_found`, or `invitation.not_invited`';

/** A command on one customer's invitation: the invitation after it, the events and any warning. */
const InvitationCommand = (operationId: string, summary: string, status: 200 | 201 = 201): MethodDecorator =>
  ApiCommand({ operationId, summary, status, response: InvitationAnswerDto, errors: { 404: NOT_FOUND } });

interface InvitationAnswer {
  readonly invitation: InvitationState;
  readonly events: readonly unknown[];
  /** E.g. the customer's credit account is blocked (domain §6): the command succeeded anyway. */
  readonly warnings: readonly InvitationWarning[];
}

/** One customer's invitation to a joint event: confirmation, rulings, and what happens at the event. */
@ApiTags('joint-events')
@Controller('joint-events/:jointEventId')
export class CustomerInvitationsController {
  constructor(
    private readonly app: InvitationsApp,
    private readonly explanations: InvitationExplanations,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async run(
    { jointEventId, customerId }: InvitationTarget,
    command: InvitationCommand,
    actor: Actor,
    correlationId: string,
  ): Promise<InvitationAnswer> {
    const { state, events } = await this.app.onInvitation(
      jointEventId,
      customerId,
      command,
      commandContext(this.clock, actor, correlationId),
    );
    const confirmed = events.filter((e): e is InvitationConfirmed => e.type === 'InvitationConfirmed');
    return { invitation: state, events, warnings: creditWarnings(confirmed.map((e) => e.data)) };
  }

  @Post('invitations')
  @Roles(...CONFIRMING_ROLES)
  @ApiCommand({
    operationId: 'confirmInvitation',
    summary: "Confirm a customer's invitation for the caller's BU; a second BU's claim opens a conflict",
    response: InvitationAnswerDto,
    errors: {
      404: '`invitation.joint_event_not_found`',
      409: '`invitation.customer_held`: `details.holdingBu` holds the customer (INV-09), or a concurrent change',
    },
  })
  confirm(
    @Param('jointEventId', ParseUUIDPipe) jointEventId: string,
    @Body() body: ConfirmInvitationDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    return this.run(
      { jointEventId, customerId: body.customerId },
      { type: 'ConfirmInvitation', data: { jointEventId, customerId: body.customerId } },
      actor,
      correlationId,
    );
  }

  @Post('customers/:customerId/rulings')
  @Roles('coordinator', 'gm')
  @InvitationCommand('ruleInvitationConflict', 'Rule which BU the customer counts for (coordinator, gm)')
  rule(
    @Target() target: InvitationTarget,
    @Body() body: RuleConflictDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    const data = { winnerBu: body.winnerBu, ...(body.note !== undefined ? { note: body.note } : {}) };
    return this.run(target, { type: 'RuleInvitationConflict', data }, actor, correlationId);
  }

  @Post('customers/:customerId/escalation')
  @Roles('coordinator')
  @InvitationCommand('escalateInvitationConflict', 'Escalate an invitation conflict to the GM (coordinator)')
  escalate(
    @Target() target: InvitationTarget,
    @Body() body: EscalateConflictDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    const command: InvitationCommand = { type: 'EscalateInvitationConflict', data: { reason: body.reason } };
    return this.run(target, command, actor, correlationId);
  }

  @Post('customers/:customerId/attendance')
  @Roles('staff', 'bu_manager', 'coordinator')
  @InvitationCommand('recordAttendance', 'Record that the customer attended the event')
  checkIn(
    @Target() target: InvitationTarget,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    return this.run(target, { type: 'RecordAttendance', data: {} }, actor, correlationId);
  }

  @Post('customers/:customerId/assists')
  @Roles('staff', 'bu_manager')
  @InvitationCommand(
    'approveSalesAssist',
    "Approve the customer's former follow-up employee as sales assistant (INV-11)",
  )
  approveAssist(
    @Target() target: InvitationTarget,
    @Body() body: ApproveAssistDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    const command: InvitationCommand = {
      type: 'ApproveSalesAssist',
      data: { assistantEmployeeId: body.assistantEmployeeId },
    };
    return this.run(target, command, actor, correlationId);
  }

  @Post('customers/:customerId/pitch')
  @Roles('staff', 'bu_manager')
  @InvitationCommand('startPitch', 'An employee starts pitching to the customer')
  startPitch(
    @Target() target: InvitationTarget,
    @Body() body: EmployeeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    const command: InvitationCommand = { type: 'StartPitch', data: { employeeId: body.employeeId } };
    return this.run(target, command, actor, correlationId);
  }

  @Post('customers/:customerId/pitch/end')
  @Roles('staff', 'bu_manager')
  @InvitationCommand('endPitch', 'The employee ends the pitch', 200)
  endPitch(
    @Target() target: InvitationTarget,
    @Body() body: EmployeeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    const command: InvitationCommand = { type: 'EndPitch', data: { employeeId: body.employeeId } };
    return this.run(target, command, actor, correlationId);
  }

  @Post('customers/:customerId/sales')
  @Roles('staff', 'bu_manager')
  @InvitationCommand('recordEventSale', 'Record a sale to the customer at the event')
  recordSale(
    @Target() target: InvitationTarget,
    @Body() body: RecordSaleDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<InvitationAnswer> {
    const command: InvitationCommand = {
      type: 'RecordEventSale',
      data: {
        saleId: body.saleId ?? randomUUID(),
        amountFen: body.amountFen,
        ...(body.assistedBy !== undefined ? { assistedBy: body.assistedBy } : {}),
      },
    };
    return this.run(target, command, actor, correlationId);
  }

  @Get('customers/:customerId/explanation')
  @Roles('auditor', 'coordinator', 'gm', 'bu_manager', 'admin')
  @ApiRead({
    operationId: 'explainInvitation',
    summary: 'Who the customer counts for and why: confirmations, lists, rulings, warnings and history',
    response: InvitationExplanationDto,
    errors: { 404: NOT_FOUND },
  })
  explain(@Target() target: InvitationTarget, @Query() query: AsOfQuery): Promise<Explanation> {
    return this.explanations.explain(target.jointEventId, target.customerId, asOfDate(query.asOf));
  }
}
