import type { Actor } from '@crm/event-sourcing';
import type { PolicyRegistry } from '@crm/policy';
import type {
  ComplaintsReadModels,
  QueueFilters,
  QueueRow,
  QueueScope,
} from '../projections/complaints-read-models';
import type { DeadlineCalculator } from './deadline-calculator';
import { rulesInForce } from './rules-in-force';

export type DeadlineState = 'none' | 'resolved' | 'on_track' | 'warning' | 'overdue';

export interface QueueItem {
  readonly caseId: string;
  readonly number: string;
  readonly kind: string;
  readonly subject: string;
  readonly customerId: string;
  readonly severity: string;
  readonly status: string;
  readonly bu: string;
  readonly handlerId: string | null;
  readonly receiverId: string;
  readonly receivedAt: string;
  readonly registeredAt: string;
  readonly dueAt: string | null;
  /** Working minutes left until the deadline; negative once it has passed. */
  readonly remainingWorkingMinutes: number | null;
  readonly deadlineState: DeadlineState;
  /** The deadline rests on statutory holidays of a year without an adopted calendar. */
  readonly provisional: boolean;
}

export interface QueuePage {
  readonly items: QueueItem[];
  readonly page: number;
  readonly limit: number;
  readonly total: number;
}

/**
 * Each role's queue: a customer-service agent sees the cases they received (first-contact
 * responsibility), a handler the cases assigned to them, a BU manager their BU's, the customer
 * service manager and the GM every open case.
 */
export const queueScopeOf = (actor: Actor): QueueScope => {
  switch (actor.role) {
    case 'cs_agent':
      return { receiverId: actor.id };
    case 'staff':
      return { handlerId: actor.id };
    case 'bu_manager':
      return actor.bu !== undefined ? { bu: actor.bu } : { handlerId: actor.id };
    default:
      return {};
  }
};

/** The queue with the working-time countdown of each deadline on the calendar in force now. */
export class CaseQueue {
  constructor(
    private readonly models: ComplaintsReadModels,
    private readonly deadlines: DeadlineCalculator,
    private readonly registry: PolicyRegistry,
  ) {}

  async list(actor: Actor, filters: QueueFilters, now: Date): Promise<QueuePage> {
    const [{ rows, total }, calendar, policy] = await Promise.all([
      this.models.queuePage(queueScopeOf(actor), filters),
      this.deadlines.calendarAt(now),
      rulesInForce(this.registry, now),
    ]);
    const warningMinutes = policy.params.deadlines.warningWorkingHours * 60;
    const countdown = (row: QueueRow): Pick<QueueItem, 'remainingWorkingMinutes' | 'deadlineState'> => {
      if (row.due_at === null) return { remainingWorkingMinutes: null, deadlineState: 'none' };
      const due = new Date(row.due_at);
      const passed = due.getTime() <= now.getTime();
      const minutes = passed
        ? -calendar.workingTimeBetween(due, now).workingMinutes
        : calendar.workingTimeBetween(now, due).workingMinutes;
      if (row.resolved_at !== null) return { remainingWorkingMinutes: minutes, deadlineState: 'resolved' };
      const deadlineState: DeadlineState =
        row.overdue || passed ? 'overdue' : minutes <= warningMinutes ? 'warning' : 'on_track';
      return { remainingWorkingMinutes: minutes, deadlineState };
    };
    return {
      items: rows.map((row) => ({
        caseId: row.case_id,
        number: row.case_number,
        kind: row.kind,
        subject: row.subject,
        customerId: row.customer_id,
        severity: row.severity,
        status: row.status,
        bu: row.responsible_bu ?? row.concerned_bu,
        handlerId: row.handler_id,
        receiverId: row.receiver_id,
        receivedAt: new Date(row.received_at).toISOString(),
        registeredAt: new Date(row.registered_at).toISOString(),
        dueAt: row.due_at === null ? null : new Date(row.due_at).toISOString(),
        provisional: row.calendar_incomplete,
        ...countdown(row),
      })),
      page: filters.page,
      limit: filters.limit,
      total,
    };
  }
}
