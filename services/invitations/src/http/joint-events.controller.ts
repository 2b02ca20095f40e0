import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, ProblemException, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import {
  SCHEDULING_ROLES,
  visibleLists,
  type JointEventState,
  type ScheduledJointEvent,
} from '@crm/invitations-domain';
import { InvitationsApp } from '../application/invitations-app';
import { asOfDate, commandContext, ParseDayPipe, ParseIdPipe } from './command-context';
import {
  AsOfQuery,
  FileInvitationListDto,
  RecordDisputeDto,
  ResolveDisputeDto,
  ScheduleJointEventDto,
} from './joint-event.dto';
import {
  DisputeRecordedDto,
  JointEventDto,
  JointEventScheduledDto,
  RecordedEventsDto,
  VisibleListsDto,
} from './invitation-responses.dto';

const NOT_FOUND = '`invitation.joint_event_not_found`';

const requireFound = (state: JointEventState, jointEventId: string): ScheduledJointEvent => {
  if (state.status !== 'scheduled') {
    throw new ProblemException(404, 'invitation.joint_event_not_found', `No joint event ${jointEventId}.`, {
      jointEventId,
    });
  }
  return state;
};

/** Scheduling, daily lists and disputes of joint events: HTTP in, command out. */
@ApiTags('joint-events')
@Controller('joint-events')
export class JointEventsController {
  constructor(
    private readonly app: InvitationsApp,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles(...SCHEDULING_ROLES)
  @ApiCommand({
    operationId: 'scheduleJointEvent',
    summary:
      'Schedule a joint event: day, slot, venue, BUs in priority order; the filing cut-offs are computed',
    response: JointEventScheduledDto,
  })
  async schedule(
    @Body() body: ScheduleJointEventDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ jointEventId: string; state: JointEventState }> {
    const jointEventId = randomUUID();
    const { state } = await this.app.onJointEvent(
      jointEventId,
      { type: 'ScheduleJointEvent', data: { jointEventId, ...body } },
      commandContext(this.clock, actor, correlationId),
    );
    return { jointEventId, state };
  }

  @Get(':jointEventId')
  @ApiRead({
    operationId: 'getJointEvent',
    summary: 'A joint event with its cut-offs, filings and disputes; `asOf` for a past instant',
    response: JointEventDto,
    errors: { 404: NOT_FOUND },
  })
  async get(
    @Param('jointEventId', ParseUUIDPipe) jointEventId: string,
    @Query() query: AsOfQuery,
  ): Promise<JointEventState> {
    return requireFound(await this.app.loadJointEvent(jointEventId, asOfDate(query.asOf)), jointEventId);
  }

  @Post(':jointEventId/lists')
  @Roles('bu_manager')
  @ApiCommand({
    operationId: 'fileInvitationList',
    summary: "File the BU's list of confirmed customers for a window day (and the next day's plan)",
    response: RecordedEventsDto,
    errors: { 404: NOT_FOUND },
  })
  async fileList(
    @Param('jointEventId', ParseUUIDPipe) jointEventId: string,
    @Body() body: FileInvitationListDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ events: readonly unknown[] }> {
    const { events } = await this.app.onJointEvent(
      jointEventId,
      {
        type: 'FileInvitationList',
        data: {
          bu: actor.bu ?? '',
          day: body.day,
          confirmed: body.confirmed,
          ...(body.planned !== undefined ? { planned: body.planned } : {}),
        },
      },
      commandContext(this.clock, actor, correlationId),
    );
    return { events };
  }

  @Get(':jointEventId/lists/:day')
  @Roles('bu_manager', 'coordinator', 'gm', 'auditor', 'admin')
  @ApiRead({
    operationId: 'listDayFilings',
    summary: "The day's lists: before the release (INV-04) a BU sees only its own",
    response: VisibleListsDto,
    errors: { 400: 'The day is not YYYY-MM-DD, or the id is not a UUID', 404: NOT_FOUND },
  })
  async lists(
    @Param('jointEventId', ParseUUIDPipe) jointEventId: string,
    @Param('day', ParseDayPipe) day: string,
    @CurrentActor() actor: Actor,
  ): Promise<ReturnType<typeof visibleLists>> {
    const state = requireFound(await this.app.loadJointEvent(jointEventId), jointEventId);
    return visibleLists(state, day, actor);
  }

  @Post(':jointEventId/disputes')
  @Roles('staff', 'bu_manager', 'coordinator')
  @ApiCommand({
    operationId: 'recordEventDispute',
    summary: 'Record a dispute between employees of different BUs at the event',
    response: DisputeRecordedDto,
    errors: { 404: NOT_FOUND },
  })
  async recordDispute(
    @Param('jointEventId', ParseUUIDPipe) jointEventId: string,
    @Body() body: RecordDisputeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ disputeId: string }> {
    const disputeId = randomUUID();
    await this.app.onJointEvent(
      jointEventId,
      {
        type: 'RecordEventDispute',
        data: {
          disputeId,
          parties: body.parties.map((p) => ({ employeeId: p.employeeId, bu: p.bu })),
          description: body.description,
          ...(body.customerId !== undefined ? { customerId: body.customerId } : {}),
        },
      },
      commandContext(this.clock, actor, correlationId),
    );
    return { disputeId };
  }

  @Post(':jointEventId/disputes/:disputeId/resolution')
  @Roles('coordinator')
  @ApiCommand({
    operationId: 'resolveEventDispute',
    summary:
      'Resolve a dispute with both BU managers; parties who quarrelled in front of customers are fined',
    status: 200,
    response: RecordedEventsDto,
    errors: { 404: '`invitation.joint_event_not_found` or `invitation.dispute_not_found`' },
  })
  async resolveDispute(
    @Param('jointEventId', ParseUUIDPipe) jointEventId: string,
    @Param('disputeId', ParseIdPipe) disputeId: string,
    @Body() body: ResolveDisputeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<{ events: readonly unknown[] }> {
    const { events } = await this.app.onJointEvent(
      jointEventId,
      {
        type: 'ResolveEventDispute',
        data: {
          disputeId,
          resolution: body.resolution,
          managerIds: body.managerIds,
          quarrelled: body.quarrelled.map((p) => ({ employeeId: p.employeeId, bu: p.bu })),
        },
      },
      commandContext(this.clock, actor, correlationId),
    );
    return { events };
  }
}
