import type { Pool } from 'pg';
import type { StaffDirectory, StaffMember } from './staff-directory';
import { staffReplicaTable } from './staff-replica.table';

interface Row {
  employee_id: string;
  display_name: string;
  bu: string;
  status: StaffMember['status'];
  posts: string[];
  email: string | null;
}

const COLUMNS = 'employee_id, display_name, bu, status, posts, email';
const AT = 'valid_from <= $1 and (valid_to is null or valid_to > $1)';

const toMember = (r: Row): StaffMember => ({
  employeeId: r.employee_id,
  displayName: r.display_name,
  bu: r.bu,
  status: r.status,
  posts: r.posts,
  ...(r.email !== null ? { email: r.email } : {}),
});

/** {@link StaffDirectory} over the replica's versioned rows. */
export class StaffReplicaReader implements StaffDirectory {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
  ) {
    this.table = staffReplicaTable(readSchema);
  }

  async member(employeeId: string, asOf: Date = new Date()): Promise<StaffMember | undefined> {
    const { rows } = await this.pool.query<Row>(
      `select ${COLUMNS} from ${this.table} where ${AT} and employee_id = $2`,
      [asOf, employeeId],
    );
    return rows[0] === undefined ? undefined : toMember(rows[0]);
  }

  async holders(post: string, bu: string | null, asOf: Date = new Date()): Promise<readonly StaffMember[]> {
    const { rows } = await this.pool.query<Row>(
      `select ${COLUMNS} from ${this.table}
        where ${AT} and status = 'active' and posts @> array[$2::text] and ($3::text is null or bu = $3)
        order by employee_id`,
      [asOf, post, bu],
    );
    return rows.map(toMember);
  }
}
