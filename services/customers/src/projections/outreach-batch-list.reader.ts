import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import { OUTREACH_BATCH_LIST_TABLE } from './outreach-batch-list.projection';

export interface OutreachBatchListFilter {
  /** Only this BU's batches; undefined for the CRM center, the GM and admins, who see every BU. */
  readonly bu?: string;
  readonly status?: string;
  readonly page: number;
  readonly limit: number;
}

export interface OutreachBatchListItem {
  readonly batchId: string;
  readonly bu: string;
  readonly seminar: string;
  readonly participants: readonly string[];
  readonly recordCount: number;
  readonly status: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly entered: number | null;
  readonly duplicates: number | null;
  readonly changedAt: string;
}

interface Row {
  batch_id: string;
  bu: string;
  seminar: string;
  participants: string[];
  record_count: number;
  status: string;
  submitted_by: string;
  submitted_at: Date;
  entered: number | null;
  duplicates: number | null;
  changed_at: Date;
  total: string;
}

/** The batches a person works on, newest first; ids and counts only, never the records' personal data. */
export class OutreachBatchListReader {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    readSchema: string,
  ) {
    this.table = qualifiedName(readSchema, OUTREACH_BATCH_LIST_TABLE);
  }

  async list(filter: OutreachBatchListFilter) {
    const { rows } = await this.pool.query<Row>(
      `SELECT *, count(*) OVER () AS total FROM ${this.table}
        WHERE ($1::text IS NULL OR bu = $1) AND ($2::text IS NULL OR status = $2)
        ORDER BY submitted_at DESC, batch_id
        LIMIT $3 OFFSET $4`,
      [filter.bu ?? null, filter.status ?? null, filter.limit, (filter.page - 1) * filter.limit],
    );
    const items: OutreachBatchListItem[] = rows.map((r) => ({
      batchId: r.batch_id,
      bu: r.bu,
      seminar: r.seminar,
      participants: r.participants,
      recordCount: r.record_count,
      status: r.status,
      submittedBy: r.submitted_by,
      submittedAt: r.submitted_at.toISOString(),
      entered: r.entered,
      duplicates: r.duplicates,
      changedAt: r.changed_at.toISOString(),
    }));
    return { items, page: filter.page, limit: filter.limit, total: Number(rows[0]?.total ?? 0) };
  }
}
