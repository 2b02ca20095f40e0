import { addMonths, wholeDaysBetween } from './business-time';
import type { CreditPolicyParams } from './credit-policy';
import type { Invoice, OpenCreditAccountState } from './credit-account';
import type { Allocation, OverdueItem } from './credit-account.events';

/**
 * Exposure (CRD-09): open invoices plus approved credit not yet shipped (or prepaid goods not yet
 * accepted), less credit we owe the counterparty. Never below zero.
 */
export const exposureOf = (s: OpenCreditAccountState): number => {
  const invoiced = s.invoices.reduce((sum, i) => sum + i.openFen, 0);
  const committed = Object.values(s.orders)
    .filter((o) => o.status === 'approved' || o.status === 'released')
    .reduce((sum, o) => sum + o.amountFen, 0);
  return Math.max(0, invoiced + committed - s.unappliedCreditFen);
};

export const isOverdue = (invoice: Invoice, now: Date): boolean =>
  invoice.openFen > 0 && (invoice.markedOverdue || Date.parse(invoice.dueAt) < now.getTime());

export const overdueItems = (s: OpenCreditAccountState, now: Date): OverdueItem[] =>
  s.invoices
    .filter((i) => isOverdue(i, now))
    .map((i) => ({ invoiceId: i.invoiceId, dueAt: i.dueAt, openFen: i.openFen }));

/** CRD-44: what is still open of the balance confirmed at the last reconciliation. */
export const previousBalanceOpen = (s: OpenCreditAccountState): number =>
  s.invoices
    .filter((i) => s.reconciledInvoiceIds.includes(i.invoiceId))
    .reduce((sum, i) => sum + i.openFen, 0);

/** Payments and credit notes settle the oldest invoice first (by due date, then ship date). */
export const allocateOldestFirst = (
  invoices: readonly Invoice[],
  amountFen: number,
): { allocations: Allocation[]; unappliedFen: number } => {
  const open = [...invoices]
    .filter((i) => i.openFen > 0)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.shippedAt.localeCompare(b.shippedAt));
  let left = amountFen;
  const allocations: Allocation[] = [];
  for (const inv of open) {
    if (left === 0) break;
    const fen = Math.min(left, inv.openFen);
    allocations.push({ invoiceId: inv.invoiceId, fen });
    left -= fen;
  }
  return { allocations, unappliedFen: left };
};

export type AgingBucket = {
  readonly label: string;
  readonly fen: number;
  readonly invoiceIds: readonly string[];
};

/** Open amounts by days past due: 0–30, 31–60, 61–90, > 90 with policy v1's bounds. */
export const agingOf = (s: OpenCreditAccountState, now: Date, policy: CreditPolicyParams): AgingBucket[] => {
  const bounds = policy.agingBucketUpperDays;
  const labels = bounds.map((upper, i) => `${i === 0 ? 0 : (bounds[i - 1] ?? 0) + 1}-${upper}`);
  labels.push(`>${bounds[bounds.length - 1] ?? 0}`);
  const buckets = labels.map((label) => ({ label, fen: 0, invoiceIds: [] as string[] }));
  for (const inv of s.invoices.filter((i) => i.openFen > 0)) {
    const days = wholeDaysBetween(new Date(inv.dueAt), now);
    const index = bounds.findIndex((upper) => days <= upper);
    const bucket = buckets[index < 0 ? buckets.length - 1 : index];
    if (bucket) {
      bucket.fen += inv.openFen;
      bucket.invoiceIds.push(inv.invoiceId);
    }
  }
  return buckets;
};

/** CRD-70: a default older than the policy's months is escalated. */
export const escalationDueAt = (dueAt: string, policy: CreditPolicyParams): Date =>
  addMonths(new Date(dueAt), policy.defaultEscalationMonths);
