import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import {
  DEFAULT_POSTS,
  EMPLOYEE_EVENT_TYPES,
  type BusinessUnitOpened,
  type EmployeeEvent,
} from '@crm/customers-domain';

export const STAFF_DIRECTORY_TABLE = 'staff_directory';
export const BUSINESS_UNITS_TABLE = 'business_units';

/** `customers_read.business_units`: the BUs sharing the customer pool, and the head office. */
export const businessUnitsProjection = defineProjection({
  name: 'business_units',
  // v2: head_office.
  version: 2,
  handles: ['BusinessUnitOpened'],
  tables: [
    {
      name: BUSINESS_UNITS_TABLE,
      ddl: (t) =>
        `CREATE TABLE ${t} (
          bu_id text PRIMARY KEY,
          name text NOT NULL,
          head_office boolean NOT NULL DEFAULT false,
          opened_at timestamptz NOT NULL
        )`,
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const { buId, name, headOffice, openedAt } = stored.data as BusinessUnitOpened['data'];
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(BUSINESS_UNITS_TABLE)} (bu_id, name, head_office, opened_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [buId, name, headOffice === true, openedAt],
    );
  },
});

type StatusEvent = Exclude<
  EmployeeEvent['type'],
  'EmployeeJoined' | 'EmployeeAppointedToPost' | 'EmployeeRelievedOfPost' | 'EmployeeEmailSet'
>;

const STATUS_AFTER: Readonly<Record<StatusEvent, string>> = {
  EmployeeLongLeaveStarted: 'long_leave',
  EmployeeReturned: 'active',
  EmployeeTransferred: 'active',
  EmployeeLeft: 'left',
};

/** `customers_read.staff_directory`: every employee's BU, status, posts and e-mail (domain §2.8). */
export const staffDirectoryProjection = defineProjection({
  name: 'staff_directory',
  // v2: posts and email.
  version: 2,
  handles: EMPLOYEE_EVENT_TYPES,
  tables: [
    {
      name: STAFF_DIRECTORY_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          employee_id text PRIMARY KEY,
          bu text NOT NULL,
          display_name text NOT NULL,
          status text NOT NULL,
          posts text[] NOT NULL,
          email text,
          joined_at timestamptz NOT NULL,
          changed_at timestamptz NOT NULL,
          stream_version integer NOT NULL
        )`,
        `CREATE INDEX ON ${t} (bu, status)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as EmployeeEvent;
    const table = ctx.table(STAFF_DIRECTORY_TABLE);
    const { employeeId, at } = event.data;
    if (event.type === 'EmployeeJoined') {
      await ctx.manager.query(
        `INSERT INTO ${table}
           (employee_id, bu, display_name, status, posts, email, joined_at, changed_at, stream_version)
         VALUES ($1, $2, $3, 'active', $4, $5, $6, $6, $7) ON CONFLICT (employee_id) DO NOTHING`,
        [
          employeeId,
          event.data.bu,
          event.data.displayName,
          event.data.posts ?? DEFAULT_POSTS,
          event.data.email ?? null,
          at,
          stored.version,
        ],
      );
      return;
    }
    if (event.type === 'EmployeeAppointedToPost' || event.type === 'EmployeeRelievedOfPost') {
      await update(ctx, table, stored.version, employeeId, at, 'posts = $4', [event.data.posts]);
      return;
    }
    if (event.type === 'EmployeeEmailSet') {
      await update(ctx, table, stored.version, employeeId, at, 'email = $4', [event.data.email]);
      return;
    }
    const bu = event.type === 'EmployeeTransferred' ? event.data.toBu : event.data.bu;
    await update(ctx, table, stored.version, employeeId, at, 'status = $4, bu = $5', [
      STATUS_AFTER[event.type],
      bu,
    ]);
  },
});

/** Guarded by the stream version: applying an event twice changes nothing. */
const update = async (
  ctx: ProjectionContext,
  table: string,
  version: number,
  employeeId: string,
  at: string,
  set: string,
  values: readonly unknown[],
): Promise<void> => {
  await ctx.manager.query(
    `UPDATE ${table} SET ${set}, changed_at = $2, stream_version = $3
      WHERE employee_id = $1 AND stream_version < $3`,
    [employeeId, at, version, ...values],
  );
};
