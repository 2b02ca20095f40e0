import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { BatchAllocated, CustomerEvent } from '@crm/customers-domain';

export const ALLOCATION_FAIRNESS_TABLE = 'allocation_fairness';
export const REASSIGNMENT_HISTORY_TABLE = 'reassignment_history';
export const POINTS_LEDGER_TABLE = 'points_ledger';

/** `allocation_fairness`: how many records of each batch each participant got (ARC-04, ±1). */
export const allocationFairnessProjection = defineProjection({
  name: 'allocation_fairness',
  version: 1,
  handles: ['BatchAllocated'],
  tables: [
    {
      name: ALLOCATION_FAIRNESS_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          batch_id text NOT NULL,
          employee_id text NOT NULL,
          bu text NOT NULL,
          participant_order integer NOT NULL,
          records integer NOT NULL,
          batch_records integer NOT NULL,
          participants integer NOT NULL,
          duplicates_kept integer NOT NULL,
          allocated_at timestamptz NOT NULL,
          PRIMARY KEY (batch_id, employee_id)
        )`,
        `CREATE INDEX ON ${t} (employee_id)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const { batchId, bu, participants, allocations, duplicatesKept, allocatedAt } =
      stored.data as BatchAllocated['data'];
    for (const [order, employeeId] of participants.entries()) {
      await ctx.manager.query(
        `INSERT INTO ${ctx.table(ALLOCATION_FAIRNESS_TABLE)}
           (batch_id, employee_id, bu, participant_order, records, batch_records, participants, duplicates_kept, allocated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [
          batchId,
          employeeId,
          bu,
          order,
          allocations.filter((a) => a.employeeId === employeeId).length,
          allocations.length,
          participants.length,
          duplicatesKept.length,
          allocatedAt,
        ],
      );
    }
  },
});

/** `reassignment_history`: every change of hands with reason, decider, rule, basis and policy version. */
export const reassignmentHistoryProjection = defineProjection({
  name: 'reassignment_history',
  version: 1,
  handles: ['CustomerOwnershipChanged'],
  tables: [
    {
      name: REASSIGNMENT_HISTORY_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          event_id uuid PRIMARY KEY,
          customer_id text NOT NULL,
          from_bu text NOT NULL,
          from_employee_id text NOT NULL,
          to_bu text NOT NULL,
          to_employee_id text NOT NULL,
          reason text NOT NULL,
          rule text NOT NULL,
          decided_by text NOT NULL,
          policy_version text NOT NULL,
          changed_at timestamptz NOT NULL,
          basis jsonb NOT NULL
        )`,
        `CREATE INDEX ON ${t} (customer_id, changed_at)`,
        `CREATE INDEX ON ${t} (to_bu, changed_at)`,
        `CREATE INDEX ON ${t} (from_bu, changed_at)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as CustomerEvent;
    if (event.type !== 'CustomerOwnershipChanged') return;
    const d = event.data;
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(REASSIGNMENT_HISTORY_TABLE)}
         (event_id, customer_id, from_bu, from_employee_id, to_bu, to_employee_id, reason, rule, decided_by,
          policy_version, changed_at, basis)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
      [
        stored.id,
        d.customerId,
        d.fromBu,
        d.fromEmployeeId,
        d.toBu,
        d.toEmployeeId,
        d.reason,
        d.rule,
        d.decidedBy,
        d.policyVersion,
        d.changedAt,
        JSON.stringify(d.basis),
      ],
    );
  },
});

/** `points_ledger`: one row per award or redemption; the balance is the running sum per customer. */
export const pointsLedgerProjection = defineProjection({
  name: 'points_ledger',
  version: 1,
  handles: ['ReferralPointsAwarded', 'PointsRedeemed'],
  tables: [
    {
      name: POINTS_LEDGER_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          event_id uuid PRIMARY KEY,
          customer_id text NOT NULL,
          stream_version integer NOT NULL,
          entry text NOT NULL,
          points integer NOT NULL,
          referee_id text,
          reference text NOT NULL,
          amount_fen bigint,
          policy_version text,
          at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${t} (customer_id, stream_version)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as CustomerEvent;
    const row =
      event.type === 'ReferralPointsAwarded'
        ? [
            event.data.cause,
            event.data.points,
            event.data.refereeId,
            event.data.reference,
            event.data.amountFen ?? null,
            event.data.policyVersion,
            event.data.awardedAt,
          ]
        : event.type === 'PointsRedeemed'
          ? ['redemption', -event.data.points, null, event.data.reference, null, null, event.data.redeemedAt]
          : undefined;
    if (row === undefined) return;
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(POINTS_LEDGER_TABLE)}
         (event_id, customer_id, stream_version, entry, points, referee_id, reference, amount_fen, policy_version, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [stored.id, event.data.customerId, stored.version, ...row],
    );
  },
});
