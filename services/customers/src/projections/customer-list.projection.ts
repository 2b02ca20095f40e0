import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { CustomerEvent } from '@crm/customers-domain';

export const CUSTOMER_LIST_TABLE = 'customer_list';

/** Column updates per event after registration; `$1` is the customer id, the rest follow. */
const updateFor = (event: CustomerEvent): { set: string; values: unknown[] } | undefined => {
  switch (event.type) {
    case 'CustomerOwnershipChanged':
      return {
        set: `owner_bu = $4, owner_employee_id = $5, lapsed = false, last_service_at = $6,
              served_elsewhere_bu = NULL, served_elsewhere_employee_id = NULL, served_elsewhere_at = NULL`,
        values: [event.data.toBu, event.data.toEmployeeId, event.data.changedAt],
      };
    case 'CustomerServiceRecorded':
      return event.data.byOwner
        ? { set: 'last_service_at = greatest(last_service_at, $4)', values: [event.data.servedAt] }
        : {
            // ARC-70: another BU served a lapsed (open) customer; the director's queue shows it.
            set: `served_elsewhere_bu = CASE WHEN lapsed THEN $4 ELSE served_elsewhere_bu END,
                  served_elsewhere_employee_id = CASE WHEN lapsed THEN $5 ELSE served_elsewhere_employee_id END,
                  served_elsewhere_at = CASE WHEN lapsed THEN $6::timestamptz ELSE served_elsewhere_at END`,
            values: [event.data.byBu, event.data.byEmployeeId, event.data.servedAt],
          };
    case 'CustomerServiceLapsed':
      return { set: 'lapsed = true', values: [] };
    case 'CustomerLapseCleared':
      return {
        set: 'lapsed = false, served_elsewhere_bu = NULL, served_elsewhere_employee_id = NULL, served_elsewhere_at = NULL',
        values: [],
      };
    case 'CustomerClassified':
      return { set: 'tier = $4', values: [event.data.tier] };
    case 'ReferralPointsAwarded':
      return { set: 'points_balance = points_balance + $4', values: [event.data.points] };
    case 'PointsRedeemed':
      return { set: 'points_balance = points_balance - $4', values: [event.data.points] };
    case 'CustomerForgotten':
      return { set: 'forgotten = true', values: [] };
    case 'CustomerDataCorrected':
      // Sealed as in the event: forgetting still blinds the corrected data with the rest.
      return { set: 'personal_data = $4', values: [JSON.stringify(event.data.personalData)] };
    default:
      return undefined;
  }
};

/**
 * `customers_read.customer_list`: one row per customer for the directory, ownership and lapse
 * queries (docs/read-models.md). Personal data stays sealed here exactly as in the event, so
 * forgetting a customer (deleting the key) blinds this table too without touching it.
 */
export const customerListProjection = defineProjection({
  name: 'customer_list',
  version: 4,
  handles: [
    'CustomerRegistered',
    'CustomerOwnershipChanged',
    'CustomerServiceRecorded',
    'CustomerServiceLapsed',
    'CustomerLapseCleared',
    'CustomerClassified',
    'ReferralPointsAwarded',
    'PointsRedeemed',
    'CustomerForgotten',
    'CustomerDataCorrected',
  ],
  tables: [
    {
      name: CUSTOMER_LIST_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          customer_id text PRIMARY KEY,
          source text NOT NULL,
          owner_bu text NOT NULL,
          owner_employee_id text NOT NULL,
          registered_at timestamptz NOT NULL,
          referred_by text,
          personal_data jsonb NOT NULL,
          last_service_at timestamptz NOT NULL,
          lapsed boolean NOT NULL DEFAULT false,
          forgotten boolean NOT NULL DEFAULT false,
          tier text,
          points_balance integer NOT NULL DEFAULT 0,
          served_elsewhere_bu text,
          served_elsewhere_employee_id text,
          served_elsewhere_at timestamptz,
          stream_version integer NOT NULL,
          last_event_id uuid NOT NULL
        )`,
        `CREATE INDEX ON ${t} (owner_bu, registered_at DESC, customer_id)`,
        `CREATE INDEX ON ${t} (owner_bu, owner_employee_id)`,
        `CREATE INDEX ON ${t} (registered_at DESC, customer_id)`,
        `CREATE INDEX ON ${t} (last_service_at) WHERE NOT lapsed AND NOT forgotten`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as CustomerEvent;
    const table = ctx.table(CUSTOMER_LIST_TABLE);
    if (event.type === 'CustomerRegistered') {
      const data = event.data;
      // The first registration is final (ARC-20): a replayed event changes nothing.
      await ctx.manager.query(
        `INSERT INTO ${table}
           (customer_id, source, owner_bu, owner_employee_id, registered_at, referred_by, personal_data,
            last_service_at, stream_version, last_event_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $5, $8, $9)
         ON CONFLICT (customer_id) DO NOTHING`,
        [
          data.customerId,
          data.source,
          data.ownerBu,
          data.ownerEmployeeId,
          data.registeredAt,
          data.referredBy ?? null,
          JSON.stringify(data.personalData),
          stored.version,
          stored.id,
        ],
      );
      return;
    }
    const update = updateFor(event);
    // Guarded by the stream version: an event applied twice changes nothing.
    await ctx.manager.query(
      `UPDATE ${table} SET ${update ? `${update.set}, ` : ''}stream_version = $2, last_event_id = $3
        WHERE customer_id = $1 AND stream_version < $2`,
      [event.data.customerId, stored.version, stored.id, ...(update?.values ?? [])],
    );
  },
});
