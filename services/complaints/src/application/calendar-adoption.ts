import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@crm/event-sourcing';
import {
  calendarYearFromHolidayCn,
  type HolidayCnYear,
  holidayCnFromCalendarYear,
  type PolicyRegistry,
  statutoryHolidays,
  WORKING_CALENDAR_POLICY,
  WorkingCalendar,
  type WorkingCalendarParams,
} from '@crm/policy';
import type { ComplaintsReadModels } from '../projections/complaints-read-models';
import type { CaseCommandHandler } from './case-command.handler';

export interface CalendarYearView extends HolidayCnYear {
  /** The calendar version in force; `adopted` false: the statutory holidays stand in (provisional). */
  readonly calendarVersion: string;
  readonly adopted: boolean;
  readonly source: string | null;
}

export interface CalendarAdoptionOutcome {
  readonly calendarVersion: string;
  readonly previousVersion: string;
  readonly recomputedCases: number;
}

/**
 * A year's holiday notice adopted from the console: a new version of `calendar.working-days` with
 * the year added (or replaced), in force from now; then the deadline of every open case is computed
 * again on it (CaseDeadlineRecomputed names both versions) and its timers move.
 */
export class CalendarAdoption {
  constructor(
    private readonly registry: PolicyRegistry,
    private readonly cases: CaseCommandHandler,
    private readonly models: ComplaintsReadModels,
  ) {}

  async year(year: number, now: Date): Promise<CalendarYearView> {
    const doc = await this.registry.current<WorkingCalendarParams>(WORKING_CALENDAR_POLICY, now);
    const adopted = doc.params.years.find((y) => y.year === year);
    if (adopted !== undefined) {
      return {
        ...holidayCnFromCalendarYear(adopted),
        calendarVersion: doc.version,
        adopted: true,
        source: adopted.source,
      };
    }
    const days = statutoryHolidays(year).map((d) => ({ ...d, isOffDay: true }));
    return { year, days, calendarVersion: doc.version, adopted: false, source: null };
  }

  async adopt(
    input: HolidayCnYear & { source?: string },
    ctx: CommandContext,
  ): Promise<CalendarAdoptionOutcome> {
    const source = input.source?.trim() || `holiday-cn data entered by ${ctx.actor.id}`;
    const entered = calendarYearFromHolidayCn(input, source);
    const current = await this.registry.current<WorkingCalendarParams>(WORKING_CALENDAR_POLICY, ctx.now);
    const history = await this.registry.history(WORKING_CALENDAR_POLICY);
    const version = `v${history.length + 1}`;
    const years = [...current.params.years.filter((y) => y.year !== entered.year), entered].sort(
      (a, b) => a.year - b.year,
    );
    const params = { ...current.params, years };
    // Refused (400, naming the problem) before anything is recorded: no unusable version in force.
    new WorkingCalendar(params, version);
    await this.registry.adopt(
      {
        policyId: WORKING_CALENDAR_POLICY,
        version,
        effectiveFrom: ctx.now.toISOString(),
        params,
        reason: ctx.reason ?? `calendar ${entered.year} adopted`,
      },
      ctx,
    );
    let recomputedCases = 0;
    for (const caseId of await this.models.casesAwaitingDeadline()) {
      // One command per case, each its own id: a retry of the adoption recomputes what is left.
      const outcome = await this.cases.recomputeDeadline(caseId, { ...ctx, commandId: randomUUID() });
      if (outcome.events.length > 0) recomputedCases += 1;
    }
    return { calendarVersion: version, previousVersion: current.version, recomputedCases };
  }
}
