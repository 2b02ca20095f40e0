import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import type { Clock } from '@crm/policy';
import type { Pool } from 'pg';
import { CurrentActor, CurrentRoles } from '../auth/current-actor.decorator';
import { ApiRead } from '../openapi/api-operation';
import { CLOCK, PG_POOL, SERVICE_INFO, type ServiceInfo } from '../tokens';
import { WorkItemPageDto, WorkItemsQuery } from './work-item.dto';
import { WorkItemsReader } from './work-items-reader';

export const WORK_ITEMS_SERVICE = Symbol('WORK_ITEMS_SERVICE');

/**
 * The caller's pending work in this service (console inbox): what the service's work-items
 * projection holds for the caller's roles, BU and employee id. Any signed-in person may ask; the
 * answer is only ever their own.
 */
@ApiTags('work-items')
@Controller('work-items')
export class WorkItemsController {
  private readonly reader: WorkItemsReader;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(SERVICE_INFO) service: ServiceInfo,
    @Inject(WORK_ITEMS_SERVICE) serviceName: string,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.reader = new WorkItemsReader(pool, service.readSchema, serviceName);
  }

  @Get()
  @ApiRead({
    operationId: 'listWorkItems',
    summary: "The caller's pending work items, by due time then id",
    response: WorkItemPageDto,
    errors: { 400: '`limit` out of range or `after` not a cursor of this service' },
  })
  list(
    @Query() query: WorkItemsQuery,
    @CurrentActor() actor: Actor,
    @CurrentRoles() roles: readonly string[],
  ): Promise<WorkItemPageDto> {
    return this.reader.page(
      { employeeId: actor.id, bu: actor.bu ?? null, roles },
      query.limit,
      query.after,
      this.clock.now(),
      query.category,
    );
  }
}
