import type { Pool } from 'pg';
import { customerDirectoryTable } from './customer-directory.table';

export interface CustomerDirectoryEntry {
  readonly customerId: string;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
  readonly source: string;
  readonly registeredAt: string;
  readonly lastEventId: string;
  readonly updatedAt: string;
  /** Lapsed customers are open to every BU's invitations (ARC-70, INV-14) until reassigned or served. */
  readonly lapsed: boolean;
  /** The customer was forgotten (PIPL art. 47): drop any sealed personal data you hold. */
  readonly forgotten: boolean;
}

export interface CustomerDirectoryPage {
  readonly items: CustomerDirectoryEntry[];
  readonly page: number;
  readonly limit: number;
  readonly total: number;
}

interface Row {
  customer_id: string;
  owner_bu: string;
  owner_employee_id: string;
  source: string;
  registered_at: Date;
  last_event_id: string;
  updated_at: Date;
  lapsed: boolean;
  forgotten: boolean;
  total?: string;
}

const COLUMNS =
  'customer_id, owner_bu, owner_employee_id, source, registered_at, last_event_id, updated_at, lapsed, forgotten';

const toEntry = (r: Row): CustomerDirectoryEntry => ({
  customerId: r.customer_id,
  ownerBu: r.owner_bu,
  ownerEmployeeId: r.owner_employee_id,
  source: r.source,
  registeredAt: r.registered_at.toISOString(),
  lastEventId: r.last_event_id,
  updatedAt: r.updated_at.toISOString(),
  lapsed: r.lapsed,
  forgotten: r.forgotten,
});

/** Queries on the replica; injectable wherever a service needs to know who owns a customer. */
export class CustomerDirectoryReader {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
  ) {
    this.table = customerDirectoryTable(readSchema);
  }

  async get(customerId: string): Promise<CustomerDirectoryEntry | undefined> {
    const { rows } = await this.pool.query<Row>(
      `select ${COLUMNS} from ${this.table} where customer_id = $1`,
      [customerId],
    );
    return rows[0] === undefined ? undefined : toEntry(rows[0]);
  }

  async list(filter: { ownerBu?: string; page: number; limit: number }): Promise<CustomerDirectoryPage> {
    const where = `where ($1::text is null or owner_bu = $1)`;
    const { rows } = await this.pool.query<Row>(
      `select ${COLUMNS}, count(*) over () as total from ${this.table} ${where}
       order by registered_at desc, customer_id limit $2 offset $3`,
      [filter.ownerBu ?? null, filter.limit, (filter.page - 1) * filter.limit],
    );
    // Past the last page the window count is absent: count separately so `total` stays right.
    const total =
      rows[0] !== undefined
        ? Number(rows[0].total)
        : Number(
            (
              await this.pool.query<{ n: string }>(`select count(*) as n from ${this.table} ${where}`, [
                filter.ownerBu ?? null,
              ])
            ).rows[0]?.n ?? 0,
          );
    return { items: rows.map(toEntry), page: filter.page, limit: filter.limit, total };
  }
}
