import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import {
  CalendarAdoption,
  type CalendarAdoptionOutcome,
  type CalendarYearView,
} from '../application/calendar-adoption';
import {
  AdoptCalendarYearDto,
  CalendarAdoptionDto,
  CalendarYearDto,
  CalendarYearParam,
} from './calendar.dto';
import { DomainError } from '@crm/event-sourcing';

/** The working-day calendar per year: read by everyone at the desk, adopted by an administrator or the GM. */
@ApiTags('calendar')
@Controller('calendar/years')
export class CalendarController {
  constructor(
    private readonly calendar: CalendarAdoption,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':year')
  @Roles('cs_agent', 'cs_manager', 'staff', 'bu_manager', 'gm', 'admin', 'auditor')
  @ApiRead({
    operationId: 'getCalendarYear',
    summary: "A year's days off and make-up working days in force (the statutory holidays if none adopted)",
    response: CalendarYearDto,
  })
  get(@Param() p: CalendarYearParam): Promise<CalendarYearView> {
    return this.calendar.year(p.year, this.clock.now());
  }

  @Put(':year')
  @Roles('admin', 'gm')
  @ApiCommand({
    operationId: 'adoptCalendarYear',
    summary:
      "Adopt a year's holiday notice (holiday-cn layout) as a new calendar version in force now; open " +
      'cases get their deadlines recomputed',
    status: 200,
    response: CalendarAdoptionDto,
    errors: {
      400: '`calendar.invalid_year` naming the field, or `calendar.invalid_params`',
      403: 'Only admin or gm adopt a calendar',
    },
  })
  adopt(
    @Param() p: CalendarYearParam,
    @Body() body: AdoptCalendarYearDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<CalendarAdoptionOutcome> {
    if (body.year !== p.year) {
      throw new DomainError('invalid', 'calendar.invalid_year', 'the body is for another year', undefined, {
        field: 'year',
      });
    }
    return this.calendar.adopt(body, {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId,
      reason: `calendar ${body.year} adopted from the console`,
    });
  }
}
