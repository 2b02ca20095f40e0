import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type {
  AttendanceRecorded,
  EventSaleRecorded,
  InvitationConfirmed,
  InvitationConflictRuled,
} from '@crm/invitations-domain';

export const EVENT_CONFIRMATIONS = 'event_confirmations';
export const EVENT_CUSTOMERS = 'event_customers';
export const EVENT_SALES = 'event_sales';

/**
 * Per-event board (docs/read-models/invitations.md): confirmations per BU and day, the current
 * inviter and attendance per customer, sales per BU and employee. Upserts keyed by natural ids, so
 * applying an event twice changes nothing.
 */
export const eventBoardProjection = defineProjection({
  name: 'event_board',
  version: 1,
  handles: ['InvitationConfirmed', 'InvitationConflictRuled', 'AttendanceRecorded', 'EventSaleRecorded'],
  tables: [
    {
      name: EVENT_CONFIRMATIONS,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          joint_event_id text NOT NULL,
          customer_id text NOT NULL,
          bu text NOT NULL,
          employee_id text NOT NULL,
          counts_for_day date NOT NULL,
          confirmed_at timestamptz NOT NULL,
          PRIMARY KEY (joint_event_id, customer_id, bu)
        )`,
      ],
    },
    {
      name: EVENT_CUSTOMERS,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          joint_event_id text NOT NULL,
          customer_id text NOT NULL,
          inviter_bu text NOT NULL,
          inviter_employee_id text NOT NULL,
          attended_at timestamptz,
          PRIMARY KEY (joint_event_id, customer_id)
        )`,
      ],
    },
    {
      name: EVENT_SALES,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          sale_id text PRIMARY KEY,
          joint_event_id text NOT NULL,
          customer_id text NOT NULL,
          amount_fen bigint NOT NULL,
          inviter_bu text NOT NULL,
          inviter_employee_id text NOT NULL,
          assisted_by text,
          sold_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${t} (joint_event_id)`,
      ],
    },
  ],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const q = (sql: string, params: unknown[]) => ctx.manager.query(sql, params);
    switch (event.type) {
      case 'InvitationConfirmed': {
        const d = event.data as InvitationConfirmed['data'];
        await q(
          `INSERT INTO ${ctx.table(EVENT_CONFIRMATIONS)} VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
          [d.jointEventId, d.customerId, d.bu, d.employeeId, d.countsForDay, d.confirmedAt],
        );
        await q(
          `INSERT INTO ${ctx.table(EVENT_CUSTOMERS)} VALUES ($1, $2, $3, $4, NULL) ON CONFLICT DO NOTHING`,
          [d.jointEventId, d.customerId, d.bu, d.employeeId],
        );
        return;
      }
      case 'InvitationConflictRuled': {
        const d = event.data as InvitationConflictRuled['data'];
        await q(
          `UPDATE ${ctx.table(EVENT_CUSTOMERS)} SET inviter_bu = $3, inviter_employee_id = $4
            WHERE joint_event_id = $1 AND customer_id = $2`,
          [d.jointEventId, d.customerId, d.winnerBu, d.winnerEmployeeId],
        );
        return;
      }
      case 'AttendanceRecorded': {
        const d = event.data as AttendanceRecorded['data'];
        await q(
          `UPDATE ${ctx.table(EVENT_CUSTOMERS)} SET attended_at = coalesce(attended_at, $3)
            WHERE joint_event_id = $1 AND customer_id = $2`,
          [d.jointEventId, d.customerId, d.attendedAt],
        );
        return;
      }
      case 'EventSaleRecorded': {
        const d = event.data as EventSaleRecorded['data'];
        await q(
          `INSERT INTO ${ctx.table(EVENT_SALES)} VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [
            d.saleId,
            d.jointEventId,
            d.customerId,
            d.amountFen,
            d.inviterBu,
            d.inviterEmployeeId,
            d.assistedBy ?? null,
            d.soldAt,
          ],
        );
        return;
      }
    }
  },
});
