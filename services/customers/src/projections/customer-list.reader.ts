import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import type { Actor } from '@crm/event-sourcing';
import type { RegistrationSource, SealedPersonalData, ValueTier } from '@crm/customers-domain';
import type { PiiVault } from '../pii/pii-vault';
import { customerView, type CustomerView } from '../application/customer-view';
import { CUSTOMER_LIST_TABLE } from './customer-list.projection';

export interface CustomerListFilter {
  readonly ownerBu?: string;
  readonly page: number;
  readonly limit: number;
}

export interface CustomerPage {
  readonly items: CustomerView[];
  readonly page: number;
  readonly limit: number;
  readonly total: number;
}

interface Row {
  customer_id: string;
  source: RegistrationSource;
  owner_bu: string;
  owner_employee_id: string;
  registered_at: Date;
  referred_by: string | null;
  personal_data: SealedPersonalData;
  lapsed: boolean;
  tier: ValueTier | null;
  total: string;
}

/** Reads the list projection; personal data is opened per page and masked per the reader's BU. */
export class CustomerListReader {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
    private readonly vault: PiiVault,
  ) {
    this.table = qualifiedName(readSchema, CUSTOMER_LIST_TABLE);
  }

  async list(filter: CustomerListFilter, actor: Actor): Promise<CustomerPage> {
    const { rows } = await this.pool.query<Row>(
      `SELECT customer_id, source, owner_bu, owner_employee_id, registered_at, referred_by, personal_data, lapsed, tier,
              count(*) OVER () AS total
         FROM ${this.table}
        WHERE ($1::text IS NULL OR owner_bu = $1)
        ORDER BY registered_at DESC, customer_id
        LIMIT $2 OFFSET $3`,
      [filter.ownerBu ?? null, filter.limit, (filter.page - 1) * filter.limit],
    );
    const opened = await this.vault.openMany(
      rows.map((r) => ({ customerId: r.customer_id, sealed: r.personal_data })),
    );
    const items = rows.map((r) =>
      customerView(this.record(r), opened.get(r.customer_id) ?? { status: 'forgotten' }, actor),
    );
    // count(*) OVER () is absent when the page is past the end; count separately only then.
    const total = rows[0] !== undefined ? Number(rows[0].total) : await this.count(filter.ownerBu);
    return { items, page: filter.page, limit: filter.limit, total };
  }

  /**
   * Name search within permissions (domain §2.9): only customers whose data the actor may see in
   * full (its BU's and lapsed ones) are opened and matched; the name is never stored in clear, so
   * matching happens after opening, on at most `scanLimit` most recent candidates.
   */
  async searchByName(name: string, actor: Actor, scanLimit = 5000): Promise<CustomerView[]> {
    if (actor.bu === undefined) return [];
    const { rows } = await this.pool.query<Row>(
      `SELECT customer_id, source, owner_bu, owner_employee_id, registered_at, referred_by, personal_data, lapsed, tier
         FROM ${this.table}
        WHERE NOT forgotten AND (owner_bu = $1 OR lapsed)
        ORDER BY registered_at DESC, customer_id LIMIT $2`,
      [actor.bu, scanLimit],
    );
    const opened = await this.vault.openMany(
      rows.map((r) => ({ customerId: r.customer_id, sealed: r.personal_data })),
    );
    const needle = name.trim();
    return rows
      .filter((r) => {
        const o = opened.get(r.customer_id);
        return o?.status === 'available' && o.data.name.includes(needle);
      })
      .map((r) => customerView(this.record(r), opened.get(r.customer_id) ?? { status: 'forgotten' }, actor));
  }

  private record(r: Row) {
    return {
      customerId: r.customer_id,
      source: r.source,
      ownerBu: r.owner_bu,
      ownerEmployeeId: r.owner_employee_id,
      registeredAt: r.registered_at.toISOString(),
      ...(r.referred_by !== null ? { referredBy: r.referred_by } : {}),
      lapsed: r.lapsed,
      ...(r.tier !== null ? { tier: r.tier } : {}),
    };
  }

  /** Ids of the (not forgotten) customers an employee owns in a BU, for redistribution. */
  async ownedBy(bu: string, employeeId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ customer_id: string }>(
      `SELECT customer_id FROM ${this.table}
        WHERE owner_bu = $1 AND owner_employee_id = $2 AND NOT forgotten ORDER BY customer_id`,
      [bu, employeeId],
    );
    return rows.map((r) => r.customer_id);
  }

  private async count(ownerBu: string | undefined): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${this.table} WHERE ($1::text IS NULL OR owner_bu = $1)`,
      [ownerBu ?? null],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
