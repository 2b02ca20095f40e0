import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import { CONFLICT_QUEUE } from './conflict-queue.projection';
import { EVENT_CONFIRMATIONS, EVENT_CUSTOMERS, EVENT_SALES } from './event-board.projection';
import { LIST_FILINGS } from './filing-compliance.projection';
import { encodeJointEventCursor, type JointEventCursor } from './joint-event-cursor';
import { JOINT_EVENTS } from './joint-event-schedule.projection';
import { PENALTY_LEDGER } from './penalty-ledger.projection';

type Row = Record<string, unknown>;

/** Queries over the invitations read models (documented in docs/read-models/invitations.md). */
export class ReadModels {
  constructor(
    private readonly pool: Pool,
    private readonly readSchema: string,
  ) {}

  private t(name: string): string {
    return qualifiedName(this.readSchema, name);
  }

  private async rows(sql: string, params: unknown[]): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, params)).rows;
  }

  async board(jointEventId: string): Promise<Row> {
    const [confirmed, attendance, salesPerBu, salesPerEmployee] = await Promise.all([
      this.rows(
        `SELECT bu, to_char(counts_for_day, 'YYYY-MM-DD') AS day, count(*)::int AS confirmed
           FROM ${this.t(EVENT_CONFIRMATIONS)} WHERE joint_event_id = $1 GROUP BY bu, counts_for_day ORDER BY day, bu`,
        [jointEventId],
      ),
      this.rows(
        `SELECT inviter_bu AS bu, count(*)::int AS invited, count(attended_at)::int AS attended,
                round(count(attended_at)::numeric / nullif(count(*), 0), 4)::float AS "attendanceRate"
           FROM ${this.t(EVENT_CUSTOMERS)} WHERE joint_event_id = $1 GROUP BY inviter_bu ORDER BY bu`,
        [jointEventId],
      ),
      this.rows(
        `SELECT inviter_bu AS bu, sum(amount_fen)::bigint::text AS "amountFen", count(*)::int AS sales
           FROM ${this.t(EVENT_SALES)} WHERE joint_event_id = $1 GROUP BY inviter_bu ORDER BY bu`,
        [jointEventId],
      ),
      this.rows(
        `SELECT inviter_bu AS bu, inviter_employee_id AS "employeeId", sum(amount_fen)::bigint::text AS "amountFen",
                count(*)::int AS sales
           FROM ${this.t(EVENT_SALES)} WHERE joint_event_id = $1 GROUP BY inviter_bu, inviter_employee_id
          ORDER BY bu, "employeeId"`,
        [jointEventId],
      ),
    ]);
    return { jointEventId, confirmed, attendance, salesPerBu, salesPerEmployee };
  }

  /** Scheduled joint events, newest first; `bu` keeps those the BU takes part in. */
  async jointEvents(query: {
    readonly bu?: string;
    readonly limit: number;
    readonly after?: JointEventCursor;
  }): Promise<{ items: Row[]; nextCursor: string | null }> {
    const items = await this.rows(
      `SELECT joint_event_id AS "jointEventId", to_char(date, 'YYYY-MM-DD') AS date, slot, venue,
              business_units AS "businessUnits", coordinator_id AS "coordinatorId",
              to_char(window_opens_on, 'YYYY-MM-DD') AS "windowOpensOn", window_closes_at AS "windowClosesAt",
              scheduled_by AS "scheduledBy", scheduled_at AS "scheduledAt", policy_version AS "policyVersion"
         FROM ${this.t(JOINT_EVENTS)}
        WHERE ($1::text IS NULL OR business_units ? $1)
          AND ($2::date IS NULL OR (date, joint_event_id) < ($2::date, $3::text))
        ORDER BY date DESC, joint_event_id DESC
        LIMIT $4`,
      [query.bu ?? null, query.after?.date ?? null, query.after?.jointEventId ?? null, query.limit + 1],
    );
    const page = items.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      items.length > query.limit && last !== undefined
        ? encodeJointEventCursor({ date: String(last['date']), jointEventId: String(last['jointEventId']) })
        : null;
    return { items: page, nextCursor };
  }

  conflictQueue(status: string | undefined): Promise<Row[]> {
    return this.rows(
      `SELECT joint_event_id AS "jointEventId", customer_id AS "customerId", status, claimants,
              detected_at AS "detectedAt", winner_bu AS "winnerBu", basis, decided_by AS "decidedBy",
              policy_version AS "policyVersion", updated_at AS "updatedAt"
         FROM ${this.t(CONFLICT_QUEUE)} WHERE ($1::text IS NULL OR status = $1) ORDER BY detected_at, customer_id`,
      [status ?? null],
    );
  }

  filingCompliance(bu: string | undefined): Promise<Row[]> {
    return this.rows(
      `WITH lists AS (
         SELECT bu, count(*)::int AS due,
                count(*) FILTER (WHERE status = 'on_time')::int AS "onTime",
                count(*) FILTER (WHERE status = 'late')::int AS late,
                count(*) FILTER (WHERE status = 'missing')::int AS missing
           FROM ${this.t(LIST_FILINGS)} WHERE ($1::text IS NULL OR bu = $1) GROUP BY bu),
       fines AS (
         SELECT bu, count(*)::int AS fines, sum(amount_fen)::bigint::text AS "finesFen"
           FROM ${this.t(PENALTY_LEDGER)} WHERE rule = 'INV-07' AND ($1::text IS NULL OR bu = $1) GROUP BY bu)
       SELECT lists.*, round(lists."onTime"::numeric / nullif(lists.due, 0), 4)::float AS "onTimeRate",
              coalesce(fines.fines, 0) AS fines, coalesce(fines."finesFen", '0') AS "finesFen"
         FROM lists LEFT JOIN fines USING (bu) ORDER BY bu`,
      [bu ?? null],
    );
  }

  penaltyLedger(bu: string | undefined): Promise<Row[]> {
    return this.rows(
      `SELECT fine_id AS "fineId", joint_event_id AS "jointEventId", bu, employee_id AS "employeeId", role,
              amount_fen::text AS "amountFen", rule, reason, issued_at AS "issuedAt", policy_version AS "policyVersion"
         FROM ${this.t(PENALTY_LEDGER)} WHERE ($1::text IS NULL OR bu = $1) ORDER BY issued_at, fine_id`,
      [bu ?? null],
    );
  }
}
