import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { FineEvent } from '@crm/penalties-domain';

export const FINES = 'fines';

/**
 * The company's one penalty ledger (issue 11 §5): one row per fine with the employee who pays it,
 * its status, appeal and decision. `issued_month` is the Asia/Shanghai month payroll files it under.
 */
export const fineLedgerProjection = defineProjection({
  name: 'fine_ledger',
  version: 1,
  handles: ['FineRecorded', 'FineAppealed', 'FineAppealDecided'],
  tables: [
    {
      name: FINES,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          fine_id text PRIMARY KEY,
          source_service text NOT NULL,
          issued_bu text NOT NULL,
          issued_employee_id text,
          issued_post text,
          employee_id text,
          employee_name text,
          payee_method text NOT NULL,
          payee_as_of timestamptz NOT NULL,
          payee_candidates jsonb NOT NULL DEFAULT '[]',
          amount_fen bigint NOT NULL,
          currency text NOT NULL,
          rule text NOT NULL,
          policy_version text NOT NULL,
          cause_stream_id text NOT NULL,
          cause_event_id text NOT NULL,
          cause_link text NOT NULL,
          cause_reference text NOT NULL,
          reason text NOT NULL,
          issued_at timestamptz NOT NULL,
          issued_month text NOT NULL,
          appeal_deadline timestamptz NOT NULL,
          appeal_policy_version text NOT NULL,
          calendar_version text NOT NULL,
          status text NOT NULL,
          appeal_grounds text,
          appealed_at timestamptz,
          decision_reason text,
          decided_by text,
          decided_at timestamptz
        )`,
        `CREATE INDEX ON ${t} (issued_at DESC, fine_id DESC)`,
        `CREATE INDEX ON ${t} (issued_month, status)`,
        `CREATE INDEX ON ${t} (employee_id, issued_at DESC)`,
        `CREATE INDEX ON ${t} (issued_bu, issued_at DESC)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as FineEvent;
    const t = ctx.table(FINES);
    switch (event.type) {
      case 'FineRecorded': {
        const d = event.data;
        await ctx.manager.query(
          `INSERT INTO ${t} (fine_id, source_service, issued_bu, issued_employee_id, issued_post, employee_id,
             employee_name, payee_method, payee_as_of, payee_candidates, amount_fen, currency, rule, policy_version,
             cause_stream_id, cause_event_id, cause_link, cause_reference, reason, issued_at, issued_month,
             appeal_deadline, appeal_policy_version, calendar_version, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
             to_char($20::timestamptz AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'), $21, $22, $23, 'issued')
           ON CONFLICT DO NOTHING`,
          [
            d.fineId,
            d.sourceService,
            d.payeeAsIssued.bu,
            d.payeeAsIssued.employeeId ?? null,
            d.payeeAsIssued.post ?? null,
            d.payee.employeeId ?? null,
            d.payee.displayName ?? null,
            d.payee.method,
            d.payee.asOf,
            JSON.stringify(d.payee.candidates ?? []),
            d.amountFen,
            d.currency,
            d.rule,
            d.policyVersion,
            d.cause.streamId,
            d.cause.eventId,
            d.cause.link,
            d.cause.reference,
            d.reason,
            d.issuedAt,
            d.appealDeadline,
            d.appealPolicyVersion,
            d.calendarVersion,
          ],
        );
        return;
      }
      case 'FineAppealed':
        await ctx.manager.query(
          `UPDATE ${t} SET status = 'appealed', appeal_grounds = $2, appealed_at = $3 WHERE fine_id = $1`,
          [event.data.fineId, event.data.grounds, event.data.appealedAt],
        );
        return;
      case 'FineAppealDecided':
        await ctx.manager.query(
          `UPDATE ${t} SET status = $2, decision_reason = $3, decided_by = $4, decided_at = $5 WHERE fine_id = $1`,
          [
            event.data.fineId,
            event.data.outcome,
            event.data.reason,
            event.data.decidedBy,
            event.data.decidedAt,
          ],
        );
        return;
    }
  },
});
