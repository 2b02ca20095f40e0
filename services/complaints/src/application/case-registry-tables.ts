import type { Pool, PoolClient } from 'pg';
import { migrateSchema, quoteIdent } from '@crm/postgres';

/**
 * Write-side rows that commit in the same transaction as a registration:
 * - `case_number_counters`: one row per month; `UPDATE ... RETURNING` row-locks it, so concurrent
 *   registrations take serials one after another, and a rolled-back registration returns its serial
 *   (no gap, no reuse: CMP-NUM-01/02).
 * - `case_subjects`: who raised which subject when, for the automatic severity rule (domain §4.4).
 */
export class CaseRegistryTables {
  private readonly counters: string;
  private readonly subjects: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
  ) {
    this.counters = `${quoteIdent(schema)}.case_number_counters`;
    this.subjects = `${quoteIdent(schema)}.case_subjects`;
  }

  migrate(): Promise<void> {
    return migrateSchema(this.pool, this.schema, async (client) => {
      await client.query(
        `create table if not exists ${this.counters} (month text primary key, last_serial integer not null)`,
      );
      await client.query(
        `create table if not exists ${this.subjects} (
           case_id uuid primary key, subject_key text not null, customer_id text not null,
           registered_at timestamptz not null)`,
      );
      await client.query(
        `create index if not exists case_subjects_by_subject on ${this.subjects} (subject_key, registered_at)`,
      );
    });
  }

  async nextSerial(db: PoolClient | Pool, month: string): Promise<number> {
    const { rows } = await db.query<{ last_serial: number }>(
      `insert into ${this.counters} (month, last_serial) values ($1, 1)
       on conflict (month) do update set last_serial = ${this.counters}.last_serial + 1
       returning last_serial`,
      [month],
    );
    return rows[0]?.last_serial ?? 1;
  }

  /** Other customers on the subject since `clusterSince`, and this customer's latest since `repeatSince`. */
  async similar(
    db: PoolClient | Pool,
    q: { subjectKey: string; customerId: string; clusterSince: Date; repeatSince: Date },
  ): Promise<{ otherCustomers: number; clusterCaseIds: string[]; repeatOfCaseId?: string }> {
    const cluster = await db.query<{ case_id: string; customer_id: string }>(
      `select case_id, customer_id from ${this.subjects}
        where subject_key = $1 and registered_at >= $2 and customer_id <> $3 order by registered_at`,
      [q.subjectKey, q.clusterSince, q.customerId],
    );
    const repeat = await db.query<{ case_id: string }>(
      `select case_id from ${this.subjects}
        where subject_key = $1 and customer_id = $2 and registered_at >= $3 order by registered_at desc limit 1`,
      [q.subjectKey, q.customerId, q.repeatSince],
    );
    const repeatOfCaseId = repeat.rows[0]?.case_id;
    return {
      otherCustomers: new Set(cluster.rows.map((r) => r.customer_id)).size,
      clusterCaseIds: cluster.rows.map((r) => r.case_id),
      ...(repeatOfCaseId !== undefined ? { repeatOfCaseId } : {}),
    };
  }

  async remember(
    db: PoolClient | Pool,
    row: { caseId: string; subjectKey: string; customerId: string; registeredAt: Date },
  ): Promise<void> {
    await db.query(
      `insert into ${this.subjects} (case_id, subject_key, customer_id, registered_at) values ($1, $2, $3, $4)`,
      [row.caseId, row.subjectKey, row.customerId, row.registeredAt],
    );
  }
}

/** Same subject regardless of case and spacing. */
export const subjectKey = (subject: string): string => subject.trim().toLowerCase().replace(/\s+/g, ' ');
