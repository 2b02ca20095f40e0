import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { FineIssued } from '@crm/invitations-domain';

export const PENALTY_LEDGER = 'penalty_ledger';

/** Every FineIssued of this service (domain §3.7), for payroll; one row per fine id. */
export const penaltyLedgerProjection = defineProjection({
  name: 'penalty_ledger',
  version: 1,
  handles: ['FineIssued'],
  tables: [
    {
      name: PENALTY_LEDGER,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          fine_id text PRIMARY KEY,
          joint_event_id text NOT NULL,
          bu text NOT NULL,
          employee_id text,
          role text NOT NULL,
          amount_fen bigint NOT NULL,
          rule text NOT NULL,
          reason text NOT NULL,
          issued_at timestamptz NOT NULL,
          policy_version text NOT NULL
        )`,
        `CREATE INDEX ON ${t} (bu, issued_at)`,
      ],
    },
  ],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const d = event.data as FineIssued['data'];
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(PENALTY_LEDGER)} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [
        d.fineId,
        d.jointEventId,
        d.bu,
        d.employeeId ?? null,
        d.role,
        d.amountFen,
        d.rule,
        d.reason,
        d.issuedAt,
        d.policyVersion,
      ],
    );
  },
});
