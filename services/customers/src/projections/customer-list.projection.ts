import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import type { CustomerRegistered } from '@crm/customers-domain';

export const CUSTOMER_LIST_TABLE = 'customer_list';

/**
 * `customers_read.customer_list`: one row per customer for the list endpoint and analysts
 * (docs/read-models.md). Personal data stays sealed here exactly as in the event, so forgetting a
 * customer (deleting the key) blinds this table too without touching it.
 */
export const customerListProjection = defineProjection({
  name: 'customer_list',
  version: 1,
  handles: ['CustomerRegistered'],
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
          stream_version integer NOT NULL,
          last_event_id uuid NOT NULL
        )`,
        `CREATE INDEX ON ${t} (owner_bu, registered_at DESC, customer_id)`,
        `CREATE INDEX ON ${t} (registered_at DESC, customer_id)`,
      ],
    },
  ],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const data = event.data as CustomerRegistered['data'];
    // The first registration is final (ARC-20): a replayed event changes nothing.
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(CUSTOMER_LIST_TABLE)}
         (customer_id, source, owner_bu, owner_employee_id, registered_at, referred_by, personal_data, stream_version, last_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (customer_id) DO NOTHING`,
      [
        data.customerId,
        data.source,
        data.ownerBu,
        data.ownerEmployeeId,
        data.registeredAt,
        data.referredBy ?? null,
        JSON.stringify(data.personalData),
        event.version,
        event.id,
      ],
    );
  },
});
