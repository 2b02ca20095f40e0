import { type ComplaintsPolicy, type ComputedDeadline } from '@crm/complaints-domain';
import { type CalendarInstant, type PolicyRegistry, WorkingCalendar, WorkingCalendars } from '@crm/policy';

const HOUR = 3_600_000;

const basisOf = (i: CalendarInstant) => ({
  calendarVersion: i.calendarVersion,
  calendarIncomplete: i.calendarIncomplete,
  missingYears: i.missingYears,
  provisional: i.provisional,
});

/**
 * Deadline arithmetic for the domain (which never reads a calendar): the working-day calendar in
 * force at the decision instant, one instance per adopted version.
 */
export class DeadlineCalculator {
  private readonly calendars: WorkingCalendars;

  constructor(registry: PolicyRegistry) {
    this.calendars = new WorkingCalendars(registry);
  }

  calendarAt(at: Date): Promise<WorkingCalendar> {
    return this.calendars.at(at);
  }

  /** Inquiry: clock hours; complaint and grievance: working days; suggestion: the promised date. */
  async initial(
    kind: string,
    from: Date,
    policy: ComplaintsPolicy,
    promisedBy?: string,
  ): Promise<ComputedDeadline> {
    const calendar = await this.calendarAt(from);
    const due =
      kind === 'inquiry'
        ? new Date(from.getTime() + policy.deadlines.inquiryHours * HOUR)
        : kind === 'suggestion' && promisedBy !== undefined
          ? new Date(promisedBy)
          : undefined;
    const computed = due
      ? { at: due, ...basisOf(calendar.addWorkingHours(due, 0)) }
      : calendar.addWorkingDays(from, policy.deadlines.complaintWorkingDays);
    return this.withWarning(calendar, computed, policy);
  }

  /** The one extension: 7 working days from when the case was received (CMP-SLA-03). */
  async extended(receivedAt: Date, now: Date, policy: ComplaintsPolicy): Promise<ComputedDeadline> {
    const calendar = await this.calendarAt(now);
    return this.withWarning(
      calendar,
      calendar.addWorkingDays(receivedAt, policy.deadlines.extendedWorkingDays),
      policy,
    );
  }

  /**
   * A working-day deadline computed again on the calendar in force at `now` (a year's notice
   * adopted since, or the overdue timer's re-check); other bases do not depend on the calendar.
   */
  async recomputed(
    deadline: { readonly basis: string; readonly amount?: number; readonly from: string } | undefined,
    now: Date,
    policy: ComplaintsPolicy,
  ): Promise<ComputedDeadline | undefined> {
    if (deadline?.basis !== 'working_days' || deadline.amount === undefined) return undefined;
    const calendar = await this.calendarAt(now);
    return this.withWarning(
      calendar,
      calendar.addWorkingDays(new Date(deadline.from), deadline.amount),
      policy,
    );
  }

  private withWarning(
    calendar: WorkingCalendar,
    due: CalendarInstant,
    policy: ComplaintsPolicy,
  ): ComputedDeadline {
    const warn = calendar.subtractWorkingHours(due.at, policy.deadlines.warningWorkingHours);
    const missingYears = [...new Set([...due.missingYears, ...warn.missingYears])].sort((a, b) => a - b);
    return {
      dueAt: due.at.toISOString(),
      warnAt: warn.at.toISOString(),
      calendar: {
        calendarVersion: calendar.version,
        calendarIncomplete: missingYears.length > 0,
        missingYears,
        provisional: missingYears.length > 0,
      },
    };
  }
}
