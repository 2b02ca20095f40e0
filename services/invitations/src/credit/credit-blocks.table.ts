import type { Pool, PoolClient } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';
import type { CreditBlock } from '@crm/invitations-domain';

export const CREDIT_BLOCKS_TABLE = 'customer_credit_blocks';

/**
 * `<read schema>.customer_credit_blocks`: one row per credit account of a customer, with its blocked
 * flag, from the credit topic. Every change is guarded by the account stream's version, so a late,
 * older event never overwrites a newer one (blocked → unblocked → a redelivered "blocked" stays
 * unblocked). Only identifiers and the reason are kept, no personal data.
 */
export class CreditBlocksTable {
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly readSchema: string,
  ) {
    this.table = qualifiedName(readSchema, CREDIT_BLOCKS_TABLE);
  }

  migrate(): Promise<void> {
    return migrateSchema(this.pool, this.readSchema, async (client) => {
      await client.query(`create table if not exists ${this.table} (
        account_id text primary key,
        customer_id text not null,
        blocked boolean not null,
        reason text,
        blocked_at timestamptz,
        last_event_id text not null,
        last_event_version integer not null,
        updated_at timestamptz not null default now()
      )`);
      await client.query(
        `create index if not exists customer_credit_blocks_customer on ${this.table} (customer_id)`,
      );
    });
  }

  async apply(
    tx: PoolClient,
    change:
      | {
          readonly accountId: string;
          readonly customerId: string;
          readonly blocked: true;
          readonly reason: string;
          readonly blockedAt: string;
        }
      | { readonly accountId: string; readonly customerId: string; readonly blocked: false },
    source: { readonly eventId: string; readonly version: number },
  ): Promise<void> {
    const reason = change.blocked ? change.reason : null;
    const blockedAt = change.blocked ? change.blockedAt : null;
    await tx.query(
      `insert into ${this.table} as b
         (account_id, customer_id, blocked, reason, blocked_at, last_event_id, last_event_version)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (account_id) do update set
         customer_id = $2, blocked = $3, reason = $4, blocked_at = $5,
         last_event_id = $6, last_event_version = $7, updated_at = now()
       where b.last_event_version < $7`,
      [
        change.accountId,
        change.customerId,
        change.blocked,
        reason,
        blockedAt,
        source.eventId,
        source.version,
      ],
    );
  }

  /** The customer's accounts blocked now (usually none or one). */
  async blocksOf(customerId: string): Promise<CreditBlock[]> {
    const { rows } = await this.pool.query<{ account_id: string; reason: string; blocked_at: Date }>(
      `select account_id, reason, blocked_at from ${this.table}
        where customer_id = $1 and blocked order by account_id`,
      [customerId],
    );
    return rows.map((row) => ({
      accountId: row.account_id,
      reason: row.reason,
      blockedAt: row.blocked_at.toISOString(),
    }));
  }
}
