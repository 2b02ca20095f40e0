import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import { CUSTOMER_LIST_TABLE } from './customer-list.projection';
import {
  ALLOCATION_FAIRNESS_TABLE,
  POINTS_LEDGER_TABLE,
  REASSIGNMENT_HISTORY_TABLE,
} from './report-projections';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** Analyst queries over the customers read models (docs/read-models.md); ids only, no personal data. */
export class CustomerReportsReader {
  private readonly customers: string;
  private readonly fairness: string;
  private readonly reassignments: string;
  private readonly ledger: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
  ) {
    this.customers = qualifiedName(readSchema, CUSTOMER_LIST_TABLE);
    this.fairness = qualifiedName(readSchema, ALLOCATION_FAIRNESS_TABLE);
    this.reassignments = qualifiedName(readSchema, REASSIGNMENT_HISTORY_TABLE);
    this.ledger = qualifiedName(readSchema, POINTS_LEDGER_TABLE);
  }

  async ownership(bu?: string) {
    const { rows } = await this.pool.query<{
      bu: string;
      employee_id: string;
      customers: number;
      lapsed: number;
    }>(
      `SELECT owner_bu AS bu, owner_employee_id AS employee_id, count(*)::int AS customers,
              (count(*) FILTER (WHERE lapsed))::int AS lapsed
         FROM ${this.customers}
        WHERE NOT forgotten AND ($1::text IS NULL OR owner_bu = $1)
        GROUP BY owner_bu, owner_employee_id
        ORDER BY owner_bu, owner_employee_id`,
      [bu ?? null],
    );
    return rows.map((r) => ({
      bu: r.bu,
      employeeId: r.employee_id,
      customers: r.customers,
      lapsed: r.lapsed,
    }));
  }

  async allocationFairness(batchId?: string) {
    const batches = await this.pool.query<{
      batch_id: string;
      employee_id: string;
      bu: string;
      records: number;
      batch_records: number;
      participants: number;
      duplicates_kept: number;
      allocated_at: Date;
    }>(
      `SELECT * FROM ${this.fairness} WHERE ($1::text IS NULL OR batch_id = $1)
        ORDER BY allocated_at, batch_id, participant_order`,
      [batchId ?? null],
    );
    const perEmployee = await this.pool.query<{
      employee_id: string;
      bu: string;
      batches: number;
      records: number;
    }>(
      `SELECT employee_id, bu, count(*)::int AS batches, sum(records)::int AS records
         FROM ${this.fairness} WHERE ($1::text IS NULL OR batch_id = $1)
        GROUP BY employee_id, bu ORDER BY bu, employee_id`,
      [batchId ?? null],
    );
    return {
      batches: batches.rows.map((r) => ({
        batchId: r.batch_id,
        employeeId: r.employee_id,
        bu: r.bu,
        records: r.records,
        batchRecords: r.batch_records,
        participants: r.participants,
        duplicatesKept: r.duplicates_kept,
        allocatedAt: r.allocated_at.toISOString(),
      })),
      perEmployee: perEmployee.rows.map((r) => ({
        employeeId: r.employee_id,
        bu: r.bu,
        batches: r.batches,
        records: r.records,
      })),
    };
  }

  /**
   * Customers whose lapse deadline (last qualifying service + the policy's months, on the Shanghai
   * calendar) falls before `now + windowDays`; overdue ones whose timer has not fired yet included.
   */
  async lapseWatchList(now: Date, lapseAfterMonths: number, windowDays: number, bu?: string) {
    const { rows } = await this.pool.query<{
      customer_id: string;
      owner_bu: string;
      owner_employee_id: string;
      last_service_at: Date;
      lapse_due_at: Date;
    }>(
      `SELECT * FROM (
         SELECT customer_id, owner_bu, owner_employee_id, last_service_at,
                ((last_service_at AT TIME ZONE 'Asia/Shanghai') + make_interval(months => $1::int))
                  AT TIME ZONE 'Asia/Shanghai' AS lapse_due_at
           FROM ${this.customers}
          WHERE NOT lapsed AND NOT forgotten AND ($4::text IS NULL OR owner_bu = $4)
       ) c
       WHERE lapse_due_at <= $2::timestamptz + make_interval(days => $3::int)
       ORDER BY lapse_due_at, customer_id`,
      [lapseAfterMonths, now, windowDays, bu ?? null],
    );
    return rows.map((r) => ({
      customerId: r.customer_id,
      ownerBu: r.owner_bu,
      ownerEmployeeId: r.owner_employee_id,
      lastServiceAt: r.last_service_at.toISOString(),
      lapseDueAt: r.lapse_due_at.toISOString(),
    }));
  }

  async reassignmentHistory(filter: { customerId?: string; bu?: string }) {
    const { rows } = await this.pool.query(
      `SELECT * FROM ${this.reassignments}
        WHERE ($1::text IS NULL OR customer_id = $1) AND ($2::text IS NULL OR from_bu = $2 OR to_bu = $2)
        ORDER BY changed_at, event_id LIMIT 1000`,
      [filter.customerId ?? null, filter.bu ?? null],
    );
    return rows.map((r: Record<string, unknown>) => ({
      eventId: r['event_id'],
      customerId: r['customer_id'],
      fromBu: r['from_bu'],
      fromEmployeeId: r['from_employee_id'],
      toBu: r['to_bu'],
      toEmployeeId: r['to_employee_id'],
      reason: r['reason'],
      rule: r['rule'],
      decidedBy: r['decided_by'],
      policyVersion: r['policy_version'],
      changedAt: iso(r['changed_at'] as Date),
      basis: r['basis'],
    }));
  }

  async pointsLedger(customerId: string) {
    const { rows } = await this.pool.query<{
      entry: string;
      points: number;
      referee_id: string | null;
      reference: string;
      amount_fen: string | null;
      policy_version: string | null;
      at: Date;
      balance: number;
    }>(
      `SELECT entry, points, referee_id, reference, amount_fen, policy_version, at,
              (sum(points) OVER (ORDER BY stream_version))::int AS balance
         FROM ${this.ledger} WHERE customer_id = $1 ORDER BY stream_version`,
      [customerId],
    );
    const entries = rows.map((r) => ({
      entry: r.entry,
      points: r.points,
      ...(r.referee_id !== null ? { refereeId: r.referee_id } : {}),
      reference: r.reference,
      ...(r.amount_fen !== null ? { amountFen: Number(r.amount_fen) } : {}),
      ...(r.policy_version !== null ? { policyVersion: r.policy_version } : {}),
      at: r.at.toISOString(),
      balance: r.balance,
    }));
    return { customerId, balance: entries[entries.length - 1]?.balance ?? 0, entries };
  }

  /**
   * The resource director's queue (ARC-70): lapsed customers, with the other BU that served them
   * since (an invitation by another BU is the report the rule asks for), oldest lapse first.
   */
  async lapsedCustomers(bu?: string) {
    const { rows } = await this.pool.query<{
      customer_id: string;
      owner_bu: string;
      owner_employee_id: string;
      last_service_at: Date;
      served_elsewhere_bu: string | null;
      served_elsewhere_employee_id: string | null;
      served_elsewhere_at: Date | null;
    }>(
      `SELECT customer_id, owner_bu, owner_employee_id, last_service_at,
              served_elsewhere_bu, served_elsewhere_employee_id, served_elsewhere_at
         FROM ${this.customers}
        WHERE lapsed AND NOT forgotten AND ($1::text IS NULL OR owner_bu = $1)
        ORDER BY last_service_at, customer_id LIMIT 1000`,
      [bu ?? null],
    );
    return rows.map((r) => ({
      customerId: r.customer_id,
      ownerBu: r.owner_bu,
      ownerEmployeeId: r.owner_employee_id,
      lastServiceAt: r.last_service_at.toISOString(),
      ...(r.served_elsewhere_bu !== null
        ? {
            servedElsewhere: {
              bu: r.served_elsewhere_bu,
              employeeId: r.served_elsewhere_employee_id,
              at: iso(r.served_elsewhere_at),
            },
          }
        : {}),
    }));
  }
}
