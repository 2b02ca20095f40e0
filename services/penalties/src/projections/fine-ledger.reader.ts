import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import { encodeFineCursor, type FineCursor } from './fine-cursor';
import { FINES } from './fine-ledger.projection';

export type FineRow = {
  readonly fineId: string;
  readonly sourceService: string;
  readonly issuedBu: string;
  readonly issuedEmployeeId: string | null;
  readonly issuedPost: string | null;
  readonly employeeId: string | null;
  readonly employeeName: string | null;
  readonly payeeMethod: string;
  readonly payeeAsOf: string;
  readonly payeeCandidates: readonly string[];
  readonly amountFen: number;
  readonly currency: string;
  readonly rule: string;
  readonly policyVersion: string;
  readonly causeStreamId: string;
  readonly causeEventId: string;
  readonly causeLink: string;
  readonly causeReference: string;
  readonly reason: string;
  readonly issuedAt: string;
  readonly issuedMonth: string;
  readonly appealDeadline: string;
  readonly appealPolicyVersion: string;
  readonly calendarVersion: string;
  readonly status: string;
  readonly appealGrounds: string | null;
  readonly appealedAt: string | null;
  readonly decisionReason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
};

export type FineFilter = {
  readonly bu?: string;
  readonly employeeId?: string;
  readonly rule?: string;
  /** `YYYY-MM`, the Asia/Shanghai month the fine was issued in. */
  readonly month?: string;
  readonly status?: string;
};

const COLUMNS = `fine_id AS "fineId", source_service AS "sourceService", issued_bu AS "issuedBu",
  issued_employee_id AS "issuedEmployeeId", issued_post AS "issuedPost", employee_id AS "employeeId",
  employee_name AS "employeeName", payee_method AS "payeeMethod",
  to_char(payee_as_of AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "payeeAsOf",
  payee_candidates AS "payeeCandidates", amount_fen::float8 AS "amountFen", currency, rule,
  policy_version AS "policyVersion", cause_stream_id AS "causeStreamId", cause_event_id AS "causeEventId",
  cause_link AS "causeLink", cause_reference AS "causeReference", reason,
  to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "issuedAt",
  issued_month AS "issuedMonth",
  to_char(appeal_deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "appealDeadline",
  appeal_policy_version AS "appealPolicyVersion", calendar_version AS "calendarVersion", status,
  appeal_grounds AS "appealGrounds",
  to_char(appealed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "appealedAt",
  decision_reason AS "decisionReason", decided_by AS "decidedBy",
  to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "decidedAt"`;

/** Queries over the ledger read model (docs/penalties.md). */
export class FineLedgerReader {
  constructor(
    private readonly pool: Pool,
    private readonly readSchema: string,
  ) {}

  private get table(): string {
    return qualifiedName(this.readSchema, FINES);
  }

  /** Newest first, filtered; `bu` matches the BU the fine was issued to. */
  async list(
    filter: FineFilter,
    page: { readonly limit: number; readonly after?: FineCursor },
  ): Promise<{ items: FineRow[]; nextCursor: string | null }> {
    const { rows } = await this.pool.query<FineRow>(
      `SELECT ${COLUMNS} FROM ${this.table}
        WHERE ($1::text IS NULL OR issued_bu = $1)
          AND ($2::text IS NULL OR employee_id = $2)
          AND ($3::text IS NULL OR rule = $3)
          AND ($4::text IS NULL OR issued_month = $4)
          AND ($5::text IS NULL OR status = $5)
          AND ($6::timestamptz IS NULL OR (issued_at, fine_id) < ($6::timestamptz, $7::text))
        ORDER BY issued_at DESC, fine_id DESC
        LIMIT $8`,
      [
        filter.bu ?? null,
        filter.employeeId ?? null,
        filter.rule ?? null,
        filter.month ?? null,
        filter.status ?? null,
        page.after?.issuedAt ?? null,
        page.after?.fineId ?? null,
        page.limit + 1,
      ],
    );
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        rows.length > page.limit && last !== undefined
          ? encodeFineCursor({ issuedAt: last.issuedAt, fineId: last.fineId })
          : null,
    };
  }

  async one(fineId: string): Promise<FineRow | undefined> {
    const { rows } = await this.pool.query<FineRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE fine_id = $1`,
      [fineId],
    );
    return rows[0];
  }

  /**
   * What payroll charges for a month: fines that stand (upheld, or never appealed) and whose payee
   * is known, oldest first. Fines under appeal wait for the GM; waived ones are not charged.
   */
  async payroll(month: string, bu?: string): Promise<FineRow[]> {
    const { rows } = await this.pool.query<FineRow>(
      `SELECT ${COLUMNS} FROM ${this.table}
        WHERE issued_month = $1 AND status IN ('issued', 'upheld') AND employee_id IS NOT NULL
          AND ($2::text IS NULL OR issued_bu = $2)
        ORDER BY employee_id, issued_at, fine_id`,
      [month, bu ?? null],
    );
    return rows;
  }
}
