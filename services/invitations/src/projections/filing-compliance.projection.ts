import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { InvitationListFiled, InvitationListFilingMissed } from '@crm/invitations-domain';

export const LIST_FILINGS = 'list_filings';

/**
 * Filing compliance per BU (INV-01/05/07): one row per (event, BU, window day) whose list was filed
 * or missed. `on_time` once any filing beat the cut-off; otherwise `late` (filed after) or
 * `missing` (nothing by the cut-off; becomes `late` if filed afterwards).
 */
export const filingComplianceProjection = defineProjection({
  name: 'filing_compliance',
  version: 1,
  handles: ['InvitationListFiled', 'InvitationListFilingMissed'],
  tables: [
    {
      name: LIST_FILINGS,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          joint_event_id text NOT NULL,
          bu text NOT NULL,
          day date NOT NULL,
          status text NOT NULL,
          first_filed_at timestamptz,
          cutoff_at timestamptz NOT NULL,
          PRIMARY KEY (joint_event_id, bu, day)
        )`,
        `CREATE INDEX ON ${t} (bu, day)`,
      ],
    },
  ],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const table = ctx.table(LIST_FILINGS);
    if (event.type === 'InvitationListFiled') {
      const d = event.data as InvitationListFiled['data'];
      await ctx.manager.query(
        `INSERT INTO ${table} AS f VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (joint_event_id, bu, day) DO UPDATE SET
           status = CASE WHEN f.status = 'on_time' OR $4 = 'on_time' THEN 'on_time' ELSE 'late' END,
           first_filed_at = coalesce(f.first_filed_at, $5)`,
        [d.jointEventId, d.bu, d.day, d.onTime ? 'on_time' : 'late', d.filedAt, d.cutoffAt],
      );
    } else if (event.type === 'InvitationListFilingMissed') {
      const d = event.data as InvitationListFilingMissed['data'];
      await ctx.manager.query(
        `INSERT INTO ${table} VALUES ($1, $2, $3, 'missing', NULL, $4) ON CONFLICT DO NOTHING`,
        [d.jointEventId, d.bu, d.day, d.cutoffAt],
      );
    }
  },
});
