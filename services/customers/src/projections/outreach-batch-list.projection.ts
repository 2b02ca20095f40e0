import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { OutreachBatchEvent } from '@crm/customers-domain';

export const OUTREACH_BATCH_LIST_TABLE = 'outreach_batch_list';

const STATUS_AFTER: Readonly<Record<OutreachBatchEvent['type'], string>> = {
  OutreachBatchSubmitted: 'submitted',
  BatchRecordsEntered: 'entered',
  BatchReturnedToBu: 'returned',
  BatchAllocated: 'allocated',
};

/** `outreach_batch_list`: every batch's step and counts, for the BU's and the CRM center's work lists. */
export const outreachBatchListProjection = defineProjection({
  name: 'outreach_batch_list',
  version: 1,
  handles: Object.keys(STATUS_AFTER),
  tables: [
    {
      name: OUTREACH_BATCH_LIST_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          batch_id text PRIMARY KEY,
          bu text NOT NULL,
          seminar text NOT NULL,
          participants jsonb NOT NULL,
          record_count integer NOT NULL,
          status text NOT NULL,
          submitted_by text NOT NULL,
          submitted_at timestamptz NOT NULL,
          entered integer,
          duplicates integer,
          changed_at timestamptz NOT NULL,
          stream_version integer NOT NULL
        )`,
        `CREATE INDEX ON ${t} (bu, submitted_at)`,
        `CREATE INDEX ON ${t} (status, submitted_at)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as OutreachBatchEvent;
    const table = ctx.table(OUTREACH_BATCH_LIST_TABLE);
    if (event.type === 'OutreachBatchSubmitted') {
      const d = event.data;
      await ctx.manager.query(
        `INSERT INTO ${table} (batch_id, bu, seminar, participants, record_count, status, submitted_by,
                               submitted_at, changed_at, stream_version)
         VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $7, $8) ON CONFLICT (batch_id) DO NOTHING`,
        [
          d.batchId,
          d.bu,
          d.seminar,
          JSON.stringify(d.participants),
          d.recordCount,
          d.submittedBy,
          d.submittedAt,
          stored.version,
        ],
      );
      return;
    }
    const counts =
      event.type === 'BatchRecordsEntered'
        ? { entered: event.data.entries.length, duplicates: event.data.duplicates }
        : { entered: null, duplicates: null };
    const at =
      event.type === 'BatchRecordsEntered'
        ? event.data.enteredAt
        : event.type === 'BatchReturnedToBu'
          ? event.data.returnedAt
          : event.data.allocatedAt;
    // Guarded by the stream version: applying an event twice changes nothing.
    await ctx.manager.query(
      `UPDATE ${table}
          SET status = $2, entered = COALESCE($3, entered), duplicates = COALESCE($4, duplicates),
              changed_at = $5, stream_version = $6
        WHERE batch_id = $1 AND stream_version < $6`,
      [event.data.batchId, STATUS_AFTER[event.type], counts.entered, counts.duplicates, at, stored.version],
    );
  },
});
