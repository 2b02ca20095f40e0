import type { StoredEvent } from '@crm/event-store';
import { defineProjection, type ProjectionContext } from '@crm/projections';
import { creditWorkItemsProjection } from './work-items/credit-work-items.projection';
import {
  counterpartyName,
  type Allocation,
  type CreditAccountEvent,
  type PortfolioEvent,
} from '@crm/credit-domain';

export const CREDIT_ACCOUNTS_TABLE = 'credit_accounts';
export const CREDIT_HOLDS_TABLE = 'credit_holds';
export const CREDIT_INVOICES_TABLE = 'credit_invoices';

const allocated = (allocations: readonly Allocation[]): number => allocations.reduce((s, a) => s + a.fen, 0);

/**
 * Every statement is guarded by the account stream's version (`last_version < $v`), so an event
 * applied twice by mistake changes nothing (docs/read-models/credit.md).
 */
const bump = async (
  ctx: ProjectionContext,
  event: StoredEvent,
  set: string,
  params: unknown[],
): Promise<void> => {
  const accountId = String(event.data['accountId']);
  await ctx.manager.query(
    `UPDATE ${ctx.table(CREDIT_ACCOUNTS_TABLE)} SET ${set}, last_version = $2, updated_at = $3
      WHERE account_id = $1 AND last_version < $2`,
    [accountId, event.version, event.metadata.businessTime, ...params],
  );
};

const ACCOUNT_EVENTS = [
  'CreditAccountOpened',
  'GradeApproved',
  'DossierFiled',
  'CreditLimitGranted',
  'CreditLimitAdjusted',
  'CreditSaleApproved',
  'CreditHoldReleased',
  'InvoiceIssued',
  'PrepaymentGoodsAccepted',
  'PaymentReceived',
  'CreditNoteIssued',
  'AccountBlocked',
  'AccountUnblocked',
  'CreditReviewScheduled',
] as const;

/** Exposure and utilisation by account; grade distribution and portfolio totals are queries on it. */
export const creditAccountsProjection = defineProjection({
  name: 'credit_accounts',
  // v3: reviews due (v2) and a customer's name no longer kept (only a supplier's); rebuilding drops the old copies.
  version: 3,
  handles: ACCOUNT_EVENTS,
  tables: [
    {
      name: CREDIT_ACCOUNTS_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          account_id text PRIMARY KEY,
          counterparty_kind text NOT NULL,
          customer_id text,
          name text,
          grade text,
          limit_fen bigint NOT NULL DEFAULT 0,
          term_days integer,
          committed_fen bigint NOT NULL DEFAULT 0,
          invoiced_open_fen bigint NOT NULL DEFAULT 0,
          unapplied_credit_fen bigint NOT NULL DEFAULT 0,
          exposure_fen bigint GENERATED ALWAYS AS (GREATEST(0, committed_fen + invoiced_open_fen - unapplied_credit_fen)) STORED,
          blocked boolean NOT NULL DEFAULT false,
          dossier_stale_at timestamptz,
          reviews_due jsonb NOT NULL DEFAULT '{}'::jsonb,
          last_version integer NOT NULL,
          updated_at timestamptz NOT NULL
        )`,
        `CREATE INDEX ON ${t} (grade)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as unknown as CreditAccountEvent;
    switch (event.type) {
      case 'CreditAccountOpened':
        await ctx.manager.query(
          `INSERT INTO ${ctx.table(CREDIT_ACCOUNTS_TABLE)}
             (account_id, counterparty_kind, customer_id, name, last_version, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (account_id) DO NOTHING`,
          [
            event.data.accountId,
            event.data.counterpartyKind,
            event.data.customerId ?? null,
            counterpartyName(event.data) ?? null,
            stored.version,
            event.data.openedAt,
          ],
        );
        return;
      case 'GradeApproved':
        return bump(ctx, stored, 'grade = $4', [event.data.grade]);
      case 'DossierFiled':
        return bump(ctx, stored, 'dossier_stale_at = $4', [event.data.staleAt]);
      case 'CreditLimitGranted':
        return bump(ctx, stored, 'limit_fen = $4, term_days = $5', [
          event.data.limitFen,
          event.data.termDays,
        ]);
      case 'CreditLimitAdjusted':
        return bump(ctx, stored, 'limit_fen = $4', [event.data.limitFen]);
      case 'CreditSaleApproved':
      case 'CreditHoldReleased':
        return bump(ctx, stored, 'committed_fen = committed_fen + $4', [event.data.amountFen]);
      case 'PrepaymentGoodsAccepted':
        return bump(ctx, stored, 'committed_fen = committed_fen - $4', [event.data.amountFen]);
      case 'InvoiceIssued':
        return bump(
          ctx,
          stored,
          `committed_fen = committed_fen - $4, invoiced_open_fen = invoiced_open_fen + $4 - $5,
           unapplied_credit_fen = unapplied_credit_fen - $5`,
          [event.data.amountFen, event.data.creditAppliedFen],
        );
      case 'PaymentReceived':
      case 'CreditNoteIssued':
        return bump(
          ctx,
          stored,
          'invoiced_open_fen = invoiced_open_fen - $4, unapplied_credit_fen = unapplied_credit_fen + $5',
          [allocated(event.data.allocations), event.data.unappliedFen],
        );
      case 'AccountBlocked':
        return bump(ctx, stored, 'blocked = $4', [true]);
      case 'AccountUnblocked':
        return bump(ctx, stored, 'blocked = $4', [false]);
      case 'CreditReviewScheduled':
        // The next review of each period; a completed review is replaced by the next one.
        return bump(ctx, stored, 'reviews_due = reviews_due || jsonb_build_object($4::text, $5::text)', [
          event.data.period,
          event.data.dueAt,
        ]);
      default:
        return;
    }
  },
});

/** The holds queue: every held order with its reasons until the marketing VP decides. */
export const creditHoldsProjection = defineProjection({
  name: 'credit_holds',
  version: 1,
  handles: ['CreditSaleHeld', 'HoldReleaseRequested', 'CreditHoldReleased', 'CreditHoldRejected'],
  tables: [
    {
      name: CREDIT_HOLDS_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          account_id text NOT NULL,
          order_id text NOT NULL,
          kind text NOT NULL,
          amount_fen bigint NOT NULL,
          reasons text[] NOT NULL,
          status text NOT NULL,
          held_at timestamptz NOT NULL,
          release_requested_by text,
          decided_by text,
          decided_at timestamptz,
          policy_version text NOT NULL,
          PRIMARY KEY (account_id, order_id)
        )`,
        `CREATE INDEX ON ${t} (status, held_at)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as unknown as CreditAccountEvent;
    const t = ctx.table(CREDIT_HOLDS_TABLE);
    switch (event.type) {
      case 'CreditSaleHeld':
        await ctx.manager.query(
          `INSERT INTO ${t} (account_id, order_id, kind, amount_fen, reasons, status, held_at, policy_version)
           VALUES ($1, $2, $3, $4, $5, 'held', $6, $7) ON CONFLICT DO NOTHING`,
          [
            event.data.accountId,
            event.data.orderId,
            event.data.kind,
            event.data.amountFen,
            event.data.reasons,
            event.data.decidedAt,
            event.data.policyVersion,
          ],
        );
        return;
      case 'HoldReleaseRequested':
        await ctx.manager.query(
          `UPDATE ${t} SET release_requested_by = $3 WHERE account_id = $1 AND order_id = $2`,
          [event.data.accountId, event.data.orderId, event.data.requestedBy],
        );
        return;
      case 'CreditHoldReleased':
      case 'CreditHoldRejected':
        await ctx.manager.query(
          `UPDATE ${t} SET status = $3, decided_by = $4, decided_at = $5
            WHERE account_id = $1 AND order_id = $2 AND status = 'held'`,
          [
            event.data.accountId,
            event.data.orderId,
            event.type === 'CreditHoldReleased' ? 'released' : 'rejected',
            stored.metadata.actor.id,
            stored.metadata.businessTime,
          ],
        );
        return;
      default:
        return;
    }
  },
});

/** Open receivables per invoice: aging buckets and the overdue list are queries on it. */
export const creditInvoicesProjection = defineProjection({
  name: 'credit_invoices',
  version: 1,
  handles: ['InvoiceIssued', 'PaymentReceived', 'CreditNoteIssued', 'InvoiceOverdue', 'DefaultEscalated'],
  tables: [
    {
      name: CREDIT_INVOICES_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          account_id text NOT NULL,
          invoice_id text NOT NULL,
          amount_fen bigint NOT NULL,
          open_fen bigint NOT NULL,
          shipped_at timestamptz NOT NULL,
          due_at timestamptz NOT NULL,
          overdue boolean NOT NULL DEFAULT false,
          escalated boolean NOT NULL DEFAULT false,
          last_version integer NOT NULL,
          PRIMARY KEY (account_id, invoice_id)
        )`,
        `CREATE INDEX ON ${t} (due_at) WHERE open_fen > 0`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as unknown as CreditAccountEvent;
    const t = ctx.table(CREDIT_INVOICES_TABLE);
    const set = (invoiceId: string, assignment: string, params: unknown[]) =>
      ctx.manager.query(
        `UPDATE ${t} SET ${assignment}, last_version = $3 WHERE account_id = $1 AND invoice_id = $2 AND last_version < $3`,
        [event.data.accountId, invoiceId, stored.version, ...params],
      );
    switch (event.type) {
      case 'InvoiceIssued':
        await ctx.manager.query(
          `INSERT INTO ${t} (account_id, invoice_id, amount_fen, open_fen, shipped_at, due_at, last_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
          [
            event.data.accountId,
            event.data.invoiceId,
            event.data.amountFen,
            event.data.amountFen - event.data.creditAppliedFen,
            event.data.shippedAt,
            event.data.dueAt,
            stored.version,
          ],
        );
        return;
      case 'PaymentReceived':
      case 'CreditNoteIssued':
        for (const a of event.data.allocations) await set(a.invoiceId, 'open_fen = open_fen - $4', [a.fen]);
        return;
      case 'InvoiceOverdue':
        await set(event.data.invoiceId, 'overdue = $4', [true]);
        return;
      case 'DefaultEscalated':
        await set(event.data.invoiceId, 'escalated = $4', [true]);
        return;
      default:
        return;
    }
  },
});

export const CREDIT_REVIEWS_TABLE = 'credit_review_calendar';

/** The review calendar: the next monthly and quarterly review of every account with a limit. */
export const creditReviewCalendarProjection = defineProjection({
  name: 'credit_review_calendar',
  version: 1,
  handles: ['CreditReviewScheduled', 'CreditContractRecorded'],
  tables: [
    {
      name: CREDIT_REVIEWS_TABLE,
      ddl: (t) => [
        `CREATE TABLE ${t} (
          account_id text NOT NULL,
          item text NOT NULL,
          due_at timestamptz NOT NULL,
          last_version integer NOT NULL,
          PRIMARY KEY (account_id, item)
        )`,
        `CREATE INDEX ON ${t} (due_at)`,
      ],
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as unknown as CreditAccountEvent;
    const upsert = (item: string, dueAt: string) =>
      ctx.manager.query(
        `INSERT INTO ${ctx.table(CREDIT_REVIEWS_TABLE)} AS r (account_id, item, due_at, last_version)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, item) DO UPDATE SET due_at = excluded.due_at, last_version = excluded.last_version
         WHERE r.last_version < excluded.last_version`,
        [event.data.accountId, item, dueAt, stored.version],
      );
    if (event.type === 'CreditReviewScheduled') await upsert(`${event.data.period}_review`, event.data.dueAt);
    if (event.type === 'CreditContractRecorded') {
      await upsert('contract_renewal_window', event.data.renewalOpensAt);
      await upsert('contract_end', event.data.endsAt);
    }
  },
});

export const CREDIT_PORTFOLIO_TABLE = 'credit_portfolio';

/** Portfolio utilisation against the cap (CRD-31): one row, from the portfolio stream. */
export const creditPortfolioProjection = defineProjection({
  name: 'credit_portfolio',
  version: 1,
  handles: ['PortfolioCapSet', 'PortfolioLimitActivated'],
  tables: [
    {
      name: CREDIT_PORTFOLIO_TABLE,
      ddl: (t) =>
        `CREATE TABLE ${t} (
          id text PRIMARY KEY,
          base_date text,
          cap_fen bigint,
          total_active_limits_fen bigint NOT NULL DEFAULT 0,
          last_version integer NOT NULL
        )`,
    },
  ],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as unknown as PortfolioEvent;
    const [set, params] =
      event.type === 'PortfolioCapSet'
        ? ['base_date = $3, cap_fen = $4', [event.data.baseDate, event.data.capFen]]
        : ['total_active_limits_fen = $3', [event.data.totalAfterFen]];
    await ctx.manager.query(
      `INSERT INTO ${ctx.table(CREDIT_PORTFOLIO_TABLE)} (id, last_version) VALUES ('portfolio', -1) ON CONFLICT DO NOTHING`,
    );
    await ctx.manager.query(
      `UPDATE ${ctx.table(CREDIT_PORTFOLIO_TABLE)} SET ${set}, last_version = $2 WHERE id = $1 AND last_version < $2`,
      ['portfolio', stored.version, ...params],
    );
  },
});

export const creditProjections = [
  creditAccountsProjection,
  creditHoldsProjection,
  creditInvoicesProjection,
  creditReviewCalendarProjection,
  creditPortfolioProjection,
  creditWorkItemsProjection,
];
