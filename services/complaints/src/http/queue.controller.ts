import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { ApiRead, CLOCK, CurrentActor, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { CaseQueue, type QueuePage } from '../application/case-queue';
import { QueuePageDto, QueueQuery } from './queue.dto';

/** The complaints desk's queue (per role) with the working-time countdown to each deadline. */
@ApiTags('cases')
@Controller('queue')
export class QueueController {
  constructor(
    private readonly queue: CaseQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('cs_agent', 'cs_manager', 'staff', 'bu_manager', 'gm')
  @ApiRead({
    operationId: 'listCaseQueue',
    summary:
      "The person's open cases, soonest deadline first: cs_agent the cases they received, a handler " +
      "(staff) the cases assigned to them, bu_manager their BU's, cs_manager and gm all",
    response: QueuePageDto,
  })
  list(@Query() q: QueueQuery, @CurrentActor() actor: Actor): Promise<QueuePage> {
    return this.queue.list(
      actor,
      {
        page: q.page,
        limit: q.limit,
        ...(q.kind !== undefined ? { kind: q.kind } : {}),
        ...(q.severity !== undefined ? { severity: q.severity } : {}),
        ...(q.bu !== undefined ? { bu: q.bu } : {}),
        ...(q.status !== undefined ? { status: q.status } : {}),
      },
      this.clock.now(),
    );
  }
}
