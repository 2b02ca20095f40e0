import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import type { Candidate } from '@crm/customers-domain';
import { CUSTOMER_LIST_TABLE } from './customer-list.projection';
import { BUSINESS_UNITS_TABLE, STAFF_DIRECTORY_TABLE } from './staff-directory.projection';

export interface StaffMember {
  readonly employeeId: string;
  readonly bu: string;
  readonly displayName: string;
  readonly status: string;
  readonly posts: readonly string[];
  readonly email?: string;
  readonly joinedAt: string;
  readonly changedAt: string;
}

interface Row {
  employee_id: string;
  bu: string;
  display_name: string;
  status: string;
  posts: string[];
  email: string | null;
  joined_at: Date;
  changed_at: Date;
}

/** The staff directory and each active employee's current load (customers owned). */
export class StaffDirectoryReader {
  private readonly staff: string;
  private readonly customers: string;
  private readonly bus: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
  ) {
    this.bus = qualifiedName(readSchema, BUSINESS_UNITS_TABLE);
    this.staff = qualifiedName(readSchema, STAFF_DIRECTORY_TABLE);
    this.customers = qualifiedName(readSchema, CUSTOMER_LIST_TABLE);
  }

  async businessUnits(): Promise<{ buId: string; name: string; headOffice: boolean; openedAt: string }[]> {
    const { rows } = await this.pool.query<{
      bu_id: string;
      name: string;
      head_office: boolean;
      opened_at: Date;
    }>(`SELECT * FROM ${this.bus} ORDER BY bu_id`);
    return rows.map((r) => ({
      buId: r.bu_id,
      name: r.name,
      headOffice: r.head_office,
      openedAt: r.opened_at.toISOString(),
    }));
  }

  async list(bu?: string): Promise<StaffMember[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM ${this.staff} WHERE ($1::text IS NULL OR bu = $1) ORDER BY bu, employee_id`,
      [bu ?? null],
    );
    return rows.map((r) => ({
      employeeId: r.employee_id,
      bu: r.bu,
      displayName: r.display_name,
      status: r.status,
      posts: r.posts,
      ...(r.email !== null ? { email: r.email } : {}),
      joinedAt: r.joined_at.toISOString(),
      changedAt: r.changed_at.toISOString(),
    }));
  }

  /**
   * Active employees with the number of (not forgotten) customers each owns now. The head office
   * never owns customers, so its people are never candidates.
   */
  async activeWithLoad(bu?: string): Promise<Candidate[]> {
    const { rows } = await this.pool.query<{ bu: string; employee_id: string; load: number }>(
      `SELECT s.bu, s.employee_id, count(c.customer_id)::int AS load
         FROM ${this.staff} s
         LEFT JOIN ${this.customers} c
           ON c.owner_employee_id = s.employee_id AND c.owner_bu = s.bu AND NOT c.forgotten
        WHERE s.status = 'active' AND ($1::text IS NULL OR s.bu = $1)
          AND NOT EXISTS (SELECT 1 FROM ${this.bus} b WHERE b.bu_id = s.bu AND b.head_office)
        GROUP BY s.bu, s.employee_id
        ORDER BY s.bu, s.employee_id`,
      [bu ?? null],
    );
    return rows.map((r) => ({ bu: r.bu, employeeId: r.employee_id, load: r.load }));
  }
}
