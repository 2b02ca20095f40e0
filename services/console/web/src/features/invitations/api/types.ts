export type EventSlot = 'afternoon' | 'evening';

/** What scheduling fixed (domain §3.1), common to the list row and the full event. */
export interface EventSchedule {
  readonly jointEventId: string;
  readonly date: string;
  readonly slot: EventSlot;
  readonly venue: string;
  /** In priority order: the first plans one day ahead (INV-02). */
  readonly businessUnits: readonly string[];
  readonly coordinatorId: string;
  readonly windowOpensOn: string;
  readonly policyVersion: string;
}

/** A row of GET /joint-events (the schedule read model). */
export interface JointEventSummary extends EventSchedule {
  readonly windowClosesAt: string | null;
  readonly scheduledBy: string;
  readonly scheduledAt: string;
}

export interface JointEventPage {
  readonly items: readonly JointEventSummary[];
  readonly nextCursor: string | null;
}

/** One daily list deadline the service computed when the event was scheduled (INV-06). */
export interface FilingCutoff {
  readonly day: string;
  readonly cutoffAt: string;
}

export interface DayFiling {
  readonly onTimeCustomers: readonly string[];
  readonly listedCustomers: readonly string[];
  readonly planned: readonly string[];
  readonly plannedOnTime: boolean;
  readonly plannedFiled: boolean;
  readonly plannedMissed: boolean;
  readonly plannedFined: boolean;
  readonly filings: readonly { readonly filedAt: string; readonly onTime: boolean }[];
  readonly missed: boolean;
  readonly fined: boolean;
}

export interface Dispute {
  readonly disputeId: string;
  readonly parties: readonly { readonly employeeId: string; readonly bu: string }[];
  readonly customerId?: string;
  readonly resolved: boolean;
}

/** GET /joint-events/{id}: the event rebuilt from its stream. */
export interface JointEvent extends EventSchedule {
  readonly status: 'scheduled';
  readonly cutoffs: readonly FilingCutoff[];
  readonly filings: Readonly<Record<string, Readonly<Record<string, DayFiling>>>>;
  readonly cutoffsReached: readonly string[];
  readonly released: readonly string[];
  readonly disputes: Readonly<Record<string, Dispute>>;
}

/** GET /joint-events/{id}/lists/{day}. */
export interface DayLists {
  readonly released: boolean;
  readonly lists: readonly ({ readonly bu: string } & DayFiling)[];
}

export interface EventBoard {
  readonly jointEventId: string;
  readonly confirmed: readonly { bu: string; day: string; confirmed: number }[];
  readonly attendance: readonly {
    bu: string;
    invited: number;
    attended: number;
    attendanceRate: number | null;
  }[];
  readonly salesPerBu: readonly { bu: string; amountFen: string; sales: number }[];
  readonly salesPerEmployee: readonly { bu: string; employeeId: string; amountFen: string; sales: number }[];
}

export type ConflictStatus = 'open' | 'escalated' | 'ruled' | 'final';

export interface Claimant {
  readonly bu: string;
  readonly employeeId: string;
  readonly confirmedAt: string;
  readonly countsForDay: string;
  readonly filing: 'on_time' | 'late' | 'pending';
}

/** A row of GET /invitation-conflicts. */
export interface Conflict {
  readonly jointEventId: string;
  readonly customerId: string;
  readonly status: ConflictStatus;
  readonly claimants: readonly Claimant[];
  readonly detectedAt: string;
  readonly winnerBu: string | null;
  readonly basis: string | null;
  readonly decidedBy: string | null;
  readonly policyVersion: string | null;
  readonly updatedAt: string;
}

/** A row of GET /penalty-ledger. */
export interface Fine {
  readonly fineId: string;
  readonly jointEventId: string;
  readonly bu: string;
  readonly employeeId: string | null;
  readonly role: string;
  readonly amountFen: string;
  readonly rule: string;
  readonly reason: string;
  readonly issuedAt: string;
  readonly policyVersion: string;
}

export interface InvitationWarning {
  readonly code: string;
  readonly [key: string]: unknown;
}

/** Every per-customer command answers the invitation and any warnings (e.g. a blocked credit account). */
export interface InvitationAnswer {
  readonly invitation: Record<string, unknown>;
  readonly events: readonly unknown[];
  readonly warnings: readonly InvitationWarning[];
}

export interface ScheduleValues {
  date: string;
  slot: EventSlot;
  venue: string;
  businessUnits: string[];
  coordinatorId: string;
}

export interface FileListValues {
  day: string;
  confirmed: string[];
  planned?: string[];
}
