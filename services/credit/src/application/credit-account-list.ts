import type { Pool } from 'pg';
import { qualifiedName } from '@crm/postgres';
import type { PolicyRegistry } from '@crm/policy';
import { CREDIT_POLICY_ID, type CreditPolicyParams } from '@crm/credit-domain';
import { CREDIT_ACCOUNTS_TABLE, CREDIT_INVOICES_TABLE } from '../projections/credit-projections';

export interface CreditAccountListFilter {
  readonly grade?: 'A' | 'B' | 'C' | 'none';
  readonly overdue?: boolean;
  readonly search?: string;
  readonly page: number;
  readonly limit: number;
}

export interface CreditAccountRow {
  readonly accountId: string;
  readonly counterpartyKind: string;
  readonly customerId: string | null;
  readonly name: string;
  readonly grade: string | null;
  readonly limitFen: number;
  readonly exposureFen: number;
  readonly overdueFen: number;
  readonly blocked: boolean;
  /** Open amounts by days past due, bucket upper bounds as the policy's (0–30, 31–60, 61–90, > 90). */
  readonly agingFen: readonly number[];
  readonly reviewsDue: Readonly<Record<string, string>>;
  /** Periods whose review day ended without the evaluation (CRD-50). */
  readonly reviewsOverdue: readonly string[];
}

interface Row {
  account_id: string;
  counterparty_kind: string;
  customer_id: string | null;
  name: string;
  grade: string | null;
  limit_fen: string;
  exposure_fen: string;
  overdue_fen: string;
  blocked: boolean;
  aging: string[];
  reviews_due: Record<string, string>;
  reviews_overdue: string[];
  total: string;
}

/** The credit desk's account list from the read models: exposure, overdue, aging and late reviews. */
export class CreditAccountList {
  private readonly accounts: string;
  private readonly invoices: string;

  constructor(
    private readonly pool: Pool,
    private readonly policies: PolicyRegistry,
    readSchema: string,
  ) {
    this.accounts = qualifiedName(readSchema, CREDIT_ACCOUNTS_TABLE);
    this.invoices = qualifiedName(readSchema, CREDIT_INVOICES_TABLE);
  }

  async page(
    filter: CreditAccountListFilter,
    now: Date,
  ): Promise<{ items: CreditAccountRow[]; total: number }> {
    const policy = await this.policies.current<CreditPolicyParams>(CREDIT_POLICY_ID, now);
    const agingUpperDays = policy.params.agingBucketUpperDays;
    const { rows } = await this.pool.query<Row>(
      `WITH due AS (
         SELECT a.account_id,
                coalesce(array_agg(r.key ORDER BY r.key) FILTER (
                  WHERE ((date_trunc('day', r.value::timestamptz AT TIME ZONE 'Asia/Shanghai') + interval '1 day')
                         AT TIME ZONE 'Asia/Shanghai') <= $1), '{}') AS reviews_overdue
           FROM ${this.accounts} a LEFT JOIN LATERAL jsonb_each_text(a.reviews_due) r ON true
          GROUP BY a.account_id
       ), open AS (
         SELECT account_id,
                sum(open_fen) FILTER (WHERE due_at < $1) AS overdue_fen,
                array_agg(open_fen || ':' || greatest(0, floor(extract(epoch FROM ($1 - due_at)) / 86400))::int) AS parts
           FROM ${this.invoices} WHERE open_fen > 0 GROUP BY account_id
       )
       SELECT a.account_id, a.counterparty_kind, a.customer_id, a.name, a.grade, a.limit_fen, a.exposure_fen,
              coalesce(o.overdue_fen, 0) AS overdue_fen, a.blocked, coalesce(o.parts, '{}') AS aging,
              a.reviews_due, d.reviews_overdue, count(*) OVER () AS total
         FROM ${this.accounts} a
         JOIN due d USING (account_id)
         LEFT JOIN open o USING (account_id)
        WHERE ($2::text IS NULL OR a.grade = $2 OR ($2 = 'none' AND a.grade IS NULL))
          AND ($3::boolean IS NULL OR (coalesce(o.overdue_fen, 0) > 0 OR cardinality(d.reviews_overdue) > 0) = $3)
          AND ($4::text IS NULL OR a.name ILIKE '%' || $4 || '%' OR a.account_id = $4)
        ORDER BY coalesce(o.overdue_fen, 0) DESC, a.exposure_fen DESC, a.account_id
        LIMIT $5 OFFSET $6`,
      [
        now,
        filter.grade ?? null,
        filter.overdue ?? null,
        filter.search ?? null,
        filter.limit,
        (filter.page - 1) * filter.limit,
      ],
    );
    return {
      total: Number(rows[0]?.total ?? 0),
      items: rows.map((r) => ({
        accountId: r.account_id,
        counterpartyKind: r.counterparty_kind,
        customerId: r.customer_id,
        name: r.name,
        grade: r.grade,
        limitFen: Number(r.limit_fen),
        exposureFen: Number(r.exposure_fen),
        overdueFen: Number(r.overdue_fen),
        blocked: r.blocked,
        agingFen: buckets(r.aging, agingUpperDays),
        reviewsDue: r.reviews_due,
        reviewsOverdue: r.reviews_overdue,
      })),
    };
  }
}

/** `fen:daysPastDue` pairs into the policy's buckets (the last one open-ended). */
const buckets = (parts: readonly string[], upper: readonly number[]): number[] => {
  const out = new Array<number>(upper.length + 1).fill(0);
  for (const part of parts) {
    const [fen, days] = part.split(':').map(Number);
    const index = upper.findIndex((u) => (days ?? 0) <= u);
    out[index < 0 ? upper.length : index] += fen ?? 0;
  }
  return out;
};
