import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type {
  InvitationConflictDetected,
  InvitationConflictEscalated,
  InvitationConflictRuled,
} from '@crm/invitations-domain';

export const CONFLICT_QUEUE = 'conflict_queue';

/**
 * The coordinator's queue (INV-08): one row per disputed customer and event; `open` waits for the
 * coordinator, `escalated` for the GM, `ruled` was decided (and may still be corrected), `final` is
 * the GM's ruling.
 */
export const conflictQueueProjection = defineProjection({
  name: 'conflict_queue',
  version: 1,
  handles: ['InvitationConflictDetected', 'InvitationConflictRuled', 'InvitationConflictEscalated'],
  tables: [
    {
      name: CONFLICT_QUEUE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          joint_event_id text NOT NULL,
          customer_id text NOT NULL,
          status text NOT NULL,
          claimants jsonb NOT NULL,
          detected_at timestamptz NOT NULL,
          winner_bu text,
          basis text,
          decided_by text,
          policy_version text,
          updated_at timestamptz NOT NULL,
          PRIMARY KEY (joint_event_id, customer_id)
        )`,
        `CREATE INDEX ON ${t} (status, detected_at)`,
      ],
    },
  ],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const table = ctx.table(CONFLICT_QUEUE);
    switch (event.type) {
      case 'InvitationConflictDetected': {
        const d = event.data as InvitationConflictDetected['data'];
        await ctx.manager.query(
          `INSERT INTO ${table} (joint_event_id, customer_id, status, claimants, detected_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING`,
          [
            d.jointEventId,
            d.customerId,
            d.queuedForCoordinator ? 'open' : 'ruled',
            JSON.stringify(d.claimants),
            d.detectedAt,
          ],
        );
        return;
      }
      case 'InvitationConflictRuled': {
        const d = event.data as InvitationConflictRuled['data'];
        await ctx.manager.query(
          `UPDATE ${table} SET status = $3, winner_bu = $4, basis = $5, decided_by = $6, policy_version = $7, updated_at = $8
            WHERE joint_event_id = $1 AND customer_id = $2`,
          [
            d.jointEventId,
            d.customerId,
            d.final ? 'final' : 'ruled',
            d.winnerBu,
            d.basis,
            d.decidedBy,
            d.policyVersion,
            d.ruledAt,
          ],
        );
        return;
      }
      case 'InvitationConflictEscalated': {
        const d = event.data as InvitationConflictEscalated['data'];
        await ctx.manager.query(
          `UPDATE ${table} SET status = 'escalated', updated_at = $3
            WHERE joint_event_id = $1 AND customer_id = $2 AND status <> 'final'`,
          [d.jointEventId, d.customerId, d.escalatedAt],
        );
        return;
      }
    }
  },
});
