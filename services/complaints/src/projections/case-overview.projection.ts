import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { CaseEvent } from '@crm/complaints-domain';

export const CASE_OVERVIEW_TABLE = 'case_overview';

type Columns = Readonly<Record<string, unknown>>;

/** What each event changes on the case's row; null = the event does not touch this read model. */
const changes = (event: CaseEvent): Columns | null => {
  switch (event.type) {
    case 'CaseDeadlineSet':
      return {
        due_at: event.data.dueAt,
        calendar_incomplete: event.data.calendar?.calendarIncomplete ?? false,
      };
    case 'CaseDeadlineRecomputed':
      return {
        due_at: event.data.dueAt,
        calendar_incomplete: event.data.calendar?.calendarIncomplete ?? false,
      };
    case 'SeverityAssessed':
      return { severity: event.data.severity };
    case 'CaseClassified':
      return { cause: event.data.cause, status: 'classified' };
    case 'CaseAssigned':
      return {
        handler_id: event.data.handlerId,
        responsible_bu: event.data.responsibleBu,
        status: 'assigned',
      };
    case 'ReceiverTransferred':
      return { receiver_id: event.data.toReceiverId };
    case 'CaseInvestigated':
    case 'ResolutionSentBack':
      return { status: 'investigated' };
    case 'ResolutionProposed':
      return { status: 'resolution_proposed' };
    case 'ResolutionApproved':
      return { status: 'resolution_approved' };
    case 'CustomerReplied':
      return { status: 'replied', resolved_at: event.data.repliedAt };
    case 'CustomerAccepted':
      return { status: 'accepted' };
    case 'CustomerRejected':
      return event.data.outcome === 'escalated'
        ? { status: 'investigated', escalation_level: event.data.toLevel }
        : {};
    case 'CaseNotEstablished':
      return { status: 'not_established', resolved_at: event.data.decidedAt };
    case 'FollowUpRecorded':
      return { satisfaction: event.data.satisfaction };
    case 'CaseClosed':
      return {
        status: 'closed',
        closed_at: event.data.closedAt,
        on_time: event.data.onTime,
        working_minutes_to_resolve: event.data.workingMinutesToResolve ?? null,
      };
    case 'CaseArchived':
      return { status: 'archived', retain_until: event.data.retainUntil };
    case 'RetentionExtended':
      return { retain_until: event.data.retainUntil };
    case 'CaseOverdue':
      return { overdue: true };
    default:
      return null;
  }
};

const HANDLED: CaseEvent['type'][] = [
  'CaseRegistered',
  'CaseDeadlineSet',
  'CaseDeadlineRecomputed',
  'SeverityAssessed',
  'CaseClassified',
  'CaseAssigned',
  'ReceiverTransferred',
  'CaseInvestigated',
  'ResolutionSentBack',
  'ResolutionProposed',
  'ResolutionApproved',
  'CustomerReplied',
  'CustomerAccepted',
  'CustomerRejected',
  'CaseNotEstablished',
  'FollowUpRecorded',
  'CaseClosed',
  'CaseArchived',
  'RetentionExtended',
  'CaseOverdue',
];

/**
 * `complaints_read.case_overview`: one row per case, the base of the open/overdue list, the monthly
 * and half-year statistics and the repeat-complainant report (docs/read-models/complaints.md).
 * Each update is guarded by the stream version, so a replayed event changes nothing.
 */
export const caseOverviewProjection = defineProjection({
  name: 'case_overview',
  // v2: received_at (the business time deadlines count from) and recomputed deadlines.
  version: 2,
  handles: HANDLED,
  tables: [
    {
      name: CASE_OVERVIEW_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          case_id text PRIMARY KEY,
          case_number text NOT NULL,
          kind text NOT NULL,
          channel text NOT NULL,
          customer_id text NOT NULL,
          subject text NOT NULL,
          concerned_bu text NOT NULL,
          concerned_employee_id text NOT NULL,
          receiver_id text NOT NULL,
          linked_from text,
          cause text,
          severity text NOT NULL DEFAULT 'general',
          handler_id text,
          responsible_bu text,
          escalation_level text NOT NULL DEFAULT 'handler',
          status text NOT NULL,
          registered_at timestamptz NOT NULL,
          received_at timestamptz NOT NULL,
          due_at timestamptz,
          calendar_incomplete boolean NOT NULL DEFAULT false,
          overdue boolean NOT NULL DEFAULT false,
          resolved_at timestamptz,
          closed_at timestamptz,
          on_time boolean,
          working_minutes_to_resolve integer,
          satisfaction integer,
          retain_until timestamptz,
          stream_version integer NOT NULL
        )`,
        `CREATE INDEX ON ${t} (status, due_at)`,
        // The queue: open cases by deadline, per handler / BU (docs/benchmarks.md).
        `CREATE INDEX ON ${t} (due_at, case_number) WHERE status NOT IN ('closed', 'archived')`,
        `CREATE INDEX ON ${t} (closed_at)`,
        `CREATE INDEX ON ${t} (customer_id, registered_at)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const table = ctx.table(CASE_OVERVIEW_TABLE);
    const event = { type: stored.type, data: stored.data } as CaseEvent;
    if (event.type === 'CaseRegistered') {
      const d = event.data;
      await ctx.manager.query(
        `INSERT INTO ${table} (case_id, case_number, kind, channel, customer_id, subject, concerned_bu,
           concerned_employee_id, receiver_id, linked_from, status, registered_at, received_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'registered', $11, $12, $13)
         ON CONFLICT (case_id) DO NOTHING`,
        [
          d.caseId,
          d.number,
          d.kind,
          d.channel,
          d.customerId,
          d.subject,
          d.concernedBu,
          d.concernedEmployeeId,
          d.receiverId,
          d.linkedFrom ?? null,
          d.registeredAt,
          d.receivedAt ?? d.registeredAt,
          stored.version,
        ],
      );
      return;
    }
    const columns = changes(event);
    if (columns === null) return;
    const names = Object.keys(columns);
    const sets = [...names.map((n, i) => `${n} = $${i + 3}`), 'stream_version = $2'];
    await ctx.manager.query(
      `UPDATE ${table} SET ${sets.join(', ')} WHERE case_id = $1 AND stream_version < $2`,
      [String(stored.data['caseId']), stored.version, ...names.map((n) => columns[n])],
    );
  },
});
