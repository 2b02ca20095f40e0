import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@crm/event-sourcing';
import { CLOCK, CorrelationId, CurrentActor, ProblemException, Roles } from '@crm/nest';
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
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'No or invalid bearer token (problem+json)' })
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat returns the first answer' })
@Controller('joint-events')
export class JointEventsController {
  constructor(
    private readonly app: InvitationsApp,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles(...SCHEDULING_ROLES)
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
  async get(
    @Param('jointEventId', ParseUUIDPipe) jointEventId: string,
    @Query() query: AsOfQuery,
  ): Promise<JointEventState> {
    return requireFound(await this.app.loadJointEvent(jointEventId, asOfDate(query.asOf)), jointEventId);
  }

  @Post(':jointEventId/lists')
  @Roles('bu_manager')
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
  @HttpCode(200)
  @Roles('coordinator')
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
