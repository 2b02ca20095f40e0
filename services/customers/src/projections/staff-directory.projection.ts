import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import { EMPLOYEE_EVENT_TYPES, type BusinessUnitOpened, type EmployeeEvent } from '@crm/customers-domain';

export const STAFF_DIRECTORY_TABLE = 'staff_directory';
export const BUSINESS_UNITS_TABLE = 'business_units';

/** `customers_read.business_units`: the BUs sharing the customer pool. */
export const businessUnitsProjection = defineProjection({
  name: 'business_units',
  version: 1,
  handles: ['BusinessUnitOpened'],
  tables: [
    {
      name: BUSINESS_UNITS_TABLE,
      ddl: (t) =>
        `CREATE TABLE ${t} (bu_id text PRIMARY KEY, name text NOT NULL, opened_at timestamptz NOT NULL)`,
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const { buId, name, openedAt } = stored.data as BusinessUnitOpened['data'];
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(BUSINESS_UNITS_TABLE)} (bu_id, name, opened_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [buId, name, openedAt],
    );
  },
});

const STATUS_AFTER: Readonly<Record<EmployeeEvent['type'], string>> = {
  EmployeeJoined: 'active',
  EmployeeLongLeaveStarted: 'long_leave',
  EmployeeReturned: 'active',
  EmployeeTransferred: 'active',
  EmployeeLeft: 'left',
};

/** `customers_read.staff_directory`: every employee's BU and status (domain §2.8). */
export const staffDirectoryProjection = defineProjection({
  name: 'staff_directory',
  version: 1,
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
        `INSERT INTO ${table} (employee_id, bu, display_name, status, joined_at, changed_at, stream_version)
         VALUES ($1, $2, $3, 'active', $4, $4, $5) ON CONFLICT (employee_id) DO NOTHING`,
        [employeeId, event.data.bu, event.data.displayName, at, stored.version],
      );
      return;
    }
    const bu = event.type === 'EmployeeTransferred' ? event.data.toBu : event.data.bu;
    // Guarded by the stream version: applying an event twice changes nothing.
    await ctx.manager.query(
      `UPDATE ${table} SET status = $2, bu = $3, changed_at = $4, stream_version = $5
        WHERE employee_id = $1 AND stream_version < $5`,
      [employeeId, STATUS_AFTER[event.type], bu, at, stored.version],
    );
  },
});
