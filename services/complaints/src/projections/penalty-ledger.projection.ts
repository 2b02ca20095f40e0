import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { FineIssuedData } from '@crm/complaints-domain';

export const PENALTY_LEDGER_TABLE = 'penalty_ledger';

/** `complaints_read.penalty_ledger`: one row per fine (CMP-30/31/32) with its rule and policy version. */
export const penaltyLedgerProjection = defineProjection({
  name: 'penalty_ledger',
  version: 1,
  handles: ['FineIssued'],
  tables: [
    {
      name: PENALTY_LEDGER_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          fine_id text PRIMARY KEY,
          case_id text NOT NULL,
          case_number text NOT NULL,
          customer_id text NOT NULL,
          payee_role text NOT NULL,
          payee_bu text NOT NULL,
          payee_employee_id text,
          amount_fen integer NOT NULL,
          rule text NOT NULL,
          policy_version text NOT NULL,
          reason text NOT NULL,
          issued_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${t} (payee_bu, issued_at)`,
        `CREATE INDEX ON ${t} (payee_employee_id, issued_at)`,
      ],
    },
  ],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const d = event.data as FineIssuedData;
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(PENALTY_LEDGER_TABLE)} (fine_id, case_id, case_number, customer_id, payee_role,
         payee_bu, payee_employee_id, amount_fen, rule, policy_version, reason, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (fine_id) DO NOTHING`,
      [
        d.fineId,
        d.caseId,
        d.caseNumber,
        d.customerId,
        d.payee.role,
        d.payee.bu,
        d.payee.employeeId ?? null,
        d.amountFen,
        d.rule,
        d.policyVersion,
        d.reason,
        d.issuedAt,
      ],
    );
  },
});
