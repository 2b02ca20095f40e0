import { PENALTIES_POLICY_ID, readPenaltiesPolicy } from '@crm/penalties-domain';
import { type PolicyRegistry, WorkingCalendars } from '@crm/policy';

export type AppealWindow = {
  readonly appealDeadline: string;
  readonly appealPolicyVersion: string;
  readonly calendarVersion: string;
};

/**
 * The appeal deadline of a fine: ⚙ working days after it was issued, on the working-day calendar
 * and the penalties policy in force at that instant (the same calendar mechanism as complaint deadlines).
 */
export class AppealWindows {
  private readonly calendars: WorkingCalendars;

  constructor(private readonly registry: PolicyRegistry) {
    this.calendars = new WorkingCalendars(registry);
  }

  async forFineIssuedAt(issuedAt: string): Promise<AppealWindow> {
    const at = new Date(issuedAt);
    const doc = await this.registry.current(PENALTIES_POLICY_ID, at);
    const policy = readPenaltiesPolicy(doc.params, doc.version);
    const calendar = await this.calendars.at(at);
    const due = calendar.addWorkingDays(at, policy.appealWorkingDays);
    return {
      appealDeadline: due.at.toISOString(),
      appealPolicyVersion: doc.version,
      calendarVersion: calendar.version,
    };
  }
}
