import { DomainError } from '@crm/event-sourcing';
import type { PolicyRegistry } from '../policy-registry';
import { WORKING_CALENDAR_POLICY } from './default-calendar';
import type { WorkingCalendarParams } from './calendar-params';
import { WorkingCalendar } from './working-calendar';

/** A broken calendar version in force is the operator's problem (409), not the caller's input (400). */
const calendarOrRefusal = (params: unknown, version: string): WorkingCalendar => {
  try {
    return new WorkingCalendar(params, version);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DomainError(
      'conflict',
      'policy.unusable',
      `${WORKING_CALENDAR_POLICY} ${version} in force is unusable`,
      undefined,
      { policyId: WORKING_CALENDAR_POLICY, version, problems: [error.message] },
    );
  }
};

/**
 * The working-day calendar a service's policy registry has in force at an instant, one instance per
 * adopted version (versions are immutable). Every service that counts working days reads it here.
 */
export class WorkingCalendars {
  private readonly byVersion = new Map<string, WorkingCalendar>();

  constructor(private readonly registry: PolicyRegistry) {}

  async at(at: Date): Promise<WorkingCalendar> {
    const doc = await this.registry.current<WorkingCalendarParams>(WORKING_CALENDAR_POLICY, at);
    let calendar = this.byVersion.get(doc.version);
    if (!calendar) {
      calendar = calendarOrRefusal(doc.params, doc.version);
      this.byVersion.set(doc.version, calendar);
    }
    return calendar;
  }
}
