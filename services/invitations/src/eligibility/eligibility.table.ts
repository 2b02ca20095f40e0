import type { Pool, PoolClient } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';
import type { CustomerEligibility } from '@crm/invitations-domain';

export const ELIGIBILITY_TABLE = 'customer_eligibility';

/**
 * `<read schema>.customer_eligibility`: who may invite each customer, from the customers topic.
 * One row per customer; every change is guarded by the customer stream's version so a late, older
 * event never overwrites a newer one. No personal data is kept (nothing to erase on forgetting).
 */
export class EligibilityTable {
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly readSchema: string,
  ) {
    this.table = qualifiedName(readSchema, ELIGIBILITY_TABLE);
  }

  migrate(): Promise<void> {
    return migrateSchema(this.pool, this.readSchema, async (client) => {
      await client.query(`create table if not exists ${this.table} (
        customer_id text primary key,
        owner_bu text,
        owner_employee_id text,
        lapsed boolean not null default false,
        forgotten boolean not null default false,
        last_event_id text not null,
        last_event_version integer not null,
        updated_at timestamptz not null default now()
      )`);
      // Added when invitations began honouring marketing opt-outs (DAT-22).
      await client.query(
        `alter table ${this.table} add column if not exists marketing_opted_out boolean not null default false`,
      );
    });
  }

  /** Applies what one customers event says; `undefined` fields keep their value. */
  async apply(
    tx: PoolClient,
    change: {
      readonly customerId: string;
      readonly ownerBu?: string;
      readonly ownerEmployeeId?: string;
      readonly lapsed?: boolean;
      readonly forgotten?: boolean;
      readonly marketingOptedOut?: boolean;
    },
    source: { readonly eventId: string; readonly version: number },
  ): Promise<void> {
    await tx.query(
      `insert into ${this.table} as e
         (customer_id, owner_bu, owner_employee_id, lapsed, forgotten, marketing_opted_out,
          last_event_id, last_event_version)
       values ($1, $2, $3, coalesce($4, false), coalesce($5, false), coalesce($8, false), $6, $7)
       on conflict (customer_id) do update set
         owner_bu = coalesce($2, e.owner_bu),
         owner_employee_id = coalesce($3, e.owner_employee_id),
         lapsed = coalesce($4, e.lapsed),
         forgotten = coalesce($5, e.forgotten),
         marketing_opted_out = coalesce($8, e.marketing_opted_out),
         last_event_id = $6,
         last_event_version = $7,
         updated_at = now()
       where e.last_event_version < $7`,
      [
        change.customerId,
        change.ownerBu ?? null,
        change.ownerEmployeeId ?? null,
        change.lapsed ?? null,
        change.forgotten ?? null,
        source.eventId,
        source.version,
        change.marketingOptedOut ?? null,
      ],
    );
  }

  async get(customerId: string): Promise<(CustomerEligibility & { lastEventId: string }) | undefined> {
    const { rows } = await this.pool.query<{
      customer_id: string;
      owner_bu: string | null;
      owner_employee_id: string | null;
      lapsed: boolean;
      forgotten: boolean;
      marketing_opted_out: boolean;
      last_event_id: string;
    }>(`select * from ${this.table} where customer_id = $1`, [customerId]);
    const row = rows[0];
    if (row === undefined || row.owner_bu === null) return undefined;
    return {
      customerId: row.customer_id,
      ownerBu: row.owner_bu,
      ownerEmployeeId: row.owner_employee_id ?? '',
      lapsed: row.lapsed,
      forgotten: row.forgotten,
      marketingOptedOut: row.marketing_opted_out,
      lastEventId: row.last_event_id,
    };
  }
}
