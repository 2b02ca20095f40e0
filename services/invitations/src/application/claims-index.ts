import type { Pool } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';

/**
 * Write-side index of the customers with an invitation stream per joint event, so a cut-off can run
 * the duplicate check for every claim of the event without waiting for a projection. A row is
 * written before the confirmation is appended: a row without a stream is harmless (the check finds
 * nothing to decide), a stream without a row cannot happen.
 */
export class ClaimsIndex {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.table = qualifiedName(schema, 'invitation_claims');
  }

  migrate(): Promise<void> {
    return migrateSchema(this.pool, this.schema, async (client) => {
      await client.query(`create table if not exists ${this.table} (
        joint_event_id text not null,
        customer_id text not null,
        primary key (joint_event_id, customer_id)
      )`);
    });
  }

  async add(jointEventId: string, customerId: string): Promise<void> {
    await this.pool.query(`insert into ${this.table} values ($1, $2) on conflict do nothing`, [
      jointEventId,
      customerId,
    ]);
  }

  async customers(jointEventId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ customer_id: string }>(
      `select customer_id from ${this.table} where joint_event_id = $1 order by customer_id`,
      [jointEventId],
    );
    return rows.map((r) => r.customer_id);
  }
}
