import { qualifiedName } from '@crm/postgres';

export const timersTable = (schema: string): string => qualifiedName(schema, 'timers');

/** Idempotent DDL of `<schema>.timers`; the schema itself is created by migrateSchema. */
export const timersDdl = (table: string): string[] => [
  `CREATE TABLE IF NOT EXISTS ${table} (
     id text PRIMARY KEY,
     kind text NOT NULL,
     due_at timestamptz NOT NULL,
     payload jsonb NOT NULL,
     status text NOT NULL DEFAULT 'scheduled'
       CHECK (status IN ('scheduled', 'fired', 'cancelled', 'failed')),
     attempts integer NOT NULL DEFAULT 0,
     last_error text,
     fired_at timestamptz,
     locked_until timestamptz,
     created_at timestamptz NOT NULL
   )`,
  // The poller only ever scans pending timers in due order.
  `CREATE INDEX IF NOT EXISTS timers_pending_due ON ${table} (due_at) WHERE status = 'scheduled'`,
];

export interface TimerRow {
  id: string;
  kind: string;
  due_at: Date;
  payload: Record<string, unknown>;
  status: 'scheduled' | 'fired' | 'cancelled' | 'failed';
  attempts: number;
  last_error: string | null;
  fired_at: Date | null;
  locked_until: Date | null;
}
