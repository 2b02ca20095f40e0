import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { JointEventScheduled } from '@crm/invitations-domain';

export const JOINT_EVENTS = 'joint_events';

/**
 * Scheduled joint events for lists and calendars (domain §3.1): one row per event with date,
 * slot, venue, BUs in priority order, coordinator and the filing window (opening day and the
 * event-day cut-off, null when no cut-off was still ahead). Inserted once; a replay changes nothing.
 */
export const jointEventScheduleProjection = defineProjection({
  name: 'joint_event_schedule',
  version: 1,
  handles: ['JointEventScheduled'],
  tables: [
    {
      name: JOINT_EVENTS,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          joint_event_id text PRIMARY KEY,
          date date NOT NULL,
          slot text NOT NULL,
          venue text NOT NULL,
          business_units jsonb NOT NULL,
          coordinator_id text NOT NULL,
          window_opens_on date NOT NULL,
          window_closes_at timestamptz,
          scheduled_by text NOT NULL,
          scheduled_at timestamptz NOT NULL,
          policy_version text NOT NULL
        )`,
        `CREATE INDEX ON ${t} (date DESC, joint_event_id DESC)`,
      ],
    },
  ],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const d = event.data as JointEventScheduled['data'];
    // Cut-offs are in day order; the last is the event day's (INV-06). None when scheduled too late.
    const closesAt = d.cutoffs.at(-1)?.cutoffAt ?? null;
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(JOINT_EVENTS)} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
      [
        d.jointEventId,
        d.date,
        d.slot,
        d.venue,
        JSON.stringify(d.businessUnits),
        d.coordinatorId,
        d.windowOpensOn,
        closesAt,
        d.scheduledBy,
        d.scheduledAt,
        d.policyVersion,
      ],
    );
  },
});
