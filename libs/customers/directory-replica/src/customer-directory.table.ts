import type { Pool } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';

export const CUSTOMER_DIRECTORY_TABLE = 'customer_directory';

export const customerDirectoryTable = (readSchema: string): string =>
  qualifiedName(readSchema, CUSTOMER_DIRECTORY_TABLE);

/**
 * `<read schema>.customer_directory`: who owns each customer, as published by the customers
 * service, whether the customer lapsed (open to other BUs, ARC-70) and whether it was forgotten. No personal data is kept here at all: consumers only need the owner, and there is then
 * nothing to erase when a customer is forgotten.
 */
export const migrateCustomerDirectory = (pool: Pool, readSchema: string): Promise<void> =>
  migrateSchema(pool, readSchema, async (client) => {
    const table = customerDirectoryTable(readSchema);
    await client.query(`create table if not exists ${table} (
      customer_id text primary key,
      owner_bu text not null,
      owner_employee_id text not null,
      source text not null,
      registered_at timestamptz not null,
      last_event_id text not null,
      last_event_version integer not null,
      updated_at timestamptz not null default now()
    )`);
    // Added when the replica began following ownership changes, lapses and forgetting.
    await client.query(`alter table ${table} add column if not exists lapsed boolean not null default false`);
    await client.query(
      `alter table ${table} add column if not exists forgotten boolean not null default false`,
    );
    await client.query(
      `create index if not exists customer_directory_owner_bu on ${table} (owner_bu, registered_at desc, customer_id)`,
    );
  });
