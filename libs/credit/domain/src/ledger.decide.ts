import { addDays } from './business-time';
import type { CreditAccount, Invoice, OpenCreditAccountState } from './credit-account';
import type {
  EscalateDefault,
  IssueCreditNote,
  MarkInvoiceOverdue,
  ReconcileAccount,
  RecordGoodsAccepted,
  RecordPayment,
  RecordShipment,
} from './credit-account.commands';
import type { Allocation, CreditAccountEvent } from './credit-account.events';
import { requireRole, type CreditDecisionContext } from './credit-context';
import { allocateOldestFirst, escalationDueAt, isOverdue } from './exposure';
import { conflict, invalid, partyOf, requireOpen } from './account-guards';

const FINANCE = ['credit_controller'];
const SHIPPING = ['staff', 'marketing_manager', 'credit_controller'];

const positiveFen = (fen: number, field: string): void => {
  if (!Number.isInteger(fen) || fen <= 0) {
    throw invalid('credit.invalid_amount', 'the amount is a positive number of fen', { field });
  }
};

/** Settling may clear the last overdue invoice: then the account is unblocked. */
const unblockIfClear = (
  s: OpenCreditAccountState,
  allocations: readonly Allocation[],
  now: Date,
): CreditAccountEvent[] => {
  if (!s.blocked) return [];
  const after: Invoice[] = s.invoices.map((i) => ({
    ...i,
    openFen:
      i.openFen - allocations.filter((a) => a.invoiceId === i.invoiceId).reduce((x, a) => x + a.fen, 0),
  }));
  return after.some((i) => isOverdue(i, now))
    ? []
    : [{ type: 'AccountUnblocked', data: { ...partyOf(s), unblockedAt: now.toISOString() } }];
};

/** A shipment on approved (or released) credit becomes an invoice due at ship date + term (§5.5). */
export const decideRecordShipment = (
  command: RecordShipment,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, SHIPPING, 'recording a shipment');
  const order = s.orders[command.data.orderId];
  if (order === undefined || order.kind !== 'credit_sale') {
    throw invalid('credit.order_not_found', 'no credit sale with this order id', {
      orderId: command.data.orderId,
    });
  }
  if (order.status !== 'approved' && order.status !== 'released') {
    throw conflict('credit.order_not_shippable', 'only approved or released orders ship on credit', {
      orderId: order.orderId,
      status: order.status,
    });
  }
  const shippedAt = new Date(command.data.shippedAt);
  if (Number.isNaN(shippedAt.getTime())) {
    throw invalid('credit.invalid_instant', 'shippedAt is an ISO-8601 instant', { field: 'shippedAt' });
  }
  const termDays = s.activeLimit?.termDays ?? 0;
  const creditAppliedFen = Math.min(s.unappliedCreditFen, order.amountFen);
  return [
    {
      type: 'InvoiceIssued',
      data: {
        accountId: s.accountId,
        invoiceId: order.orderId,
        orderId: order.orderId,
        amountFen: order.amountFen,
        shippedAt: shippedAt.toISOString(),
        termDays,
        dueAt: addDays(shippedAt, termDays).toISOString(),
        creditAppliedFen,
      },
    },
  ];
};

/** CRD-08: a prepayment's exposure ends when the goods arrive and pass acceptance. */
export const decideRecordGoodsAccepted = (
  command: RecordGoodsAccepted,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, SHIPPING, 'recording accepted goods');
  const order = s.orders[command.data.orderId];
  if (order === undefined || order.kind !== 'prepayment') {
    throw invalid('credit.order_not_found', 'no prepayment with this order id', {
      orderId: command.data.orderId,
    });
  }
  if (order.status !== 'approved' && order.status !== 'released') {
    throw conflict('credit.order_not_open', 'the prepayment is not open', {
      orderId: order.orderId,
      status: order.status,
    });
  }
  return [
    {
      type: 'PrepaymentGoodsAccepted',
      data: {
        accountId: s.accountId,
        orderId: order.orderId,
        amountFen: order.amountFen,
        acceptedAt: ctx.now.toISOString(),
      },
    },
  ];
};

/** Payments settle the oldest invoice first; what is left stays as credit. */
export const decideRecordPayment = (
  command: RecordPayment,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, FINANCE, 'recording a payment');
  positiveFen(command.data.amountFen, 'amountFen');
  if (s.paymentIds.includes(command.data.paymentId)) return [];
  const receivedAt = new Date(command.data.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) {
    throw invalid('credit.invalid_instant', 'receivedAt is an ISO-8601 instant', { field: 'receivedAt' });
  }
  const { allocations, unappliedFen } = allocateOldestFirst(s.invoices, command.data.amountFen);
  return [
    {
      type: 'PaymentReceived',
      data: {
        accountId: s.accountId,
        paymentId: command.data.paymentId,
        amountFen: command.data.amountFen,
        receivedAt: receivedAt.toISOString(),
        allocations,
        unappliedFen,
      },
    },
    ...unblockIfClear(s, allocations, ctx.now),
  ];
};

/**
 * A complaint settlement (allowance or return) becomes exactly one credit note, keyed by the
 * settlement id: a second delivery of the same settlement decides nothing (domain §4.8).
 */
export const decideIssueCreditNote = (
  command: IssueCreditNote,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  positiveFen(command.data.amountFen, 'amountFen');
  if (s.settlementIds.includes(command.data.settlementId)) return [];
  const { allocations, unappliedFen } = allocateOldestFirst(s.invoices, command.data.amountFen);
  return [
    {
      type: 'CreditNoteIssued',
      data: {
        accountId: s.accountId,
        settlementId: command.data.settlementId,
        caseId: command.data.caseId,
        caseNumber: command.data.caseNumber,
        settlementKind: command.data.settlementKind,
        amountFen: command.data.amountFen,
        issuedAt: ctx.now.toISOString(),
        allocations,
        unappliedFen,
      },
    },
    ...unblockIfClear(s, allocations, ctx.now),
  ];
};

/** From the due-date timer: an invoice still open is overdue and blocks new credit (§5.5). */
export const decideMarkInvoiceOverdue = (
  command: MarkInvoiceOverdue,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const inv = s.invoices.find((i) => i.invoiceId === command.data.invoiceId);
  if (inv === undefined || inv.openFen === 0 || inv.markedOverdue) return [];
  if (Date.parse(inv.dueAt) > ctx.now.getTime()) return [];
  const events: CreditAccountEvent[] = [
    {
      type: 'InvoiceOverdue',
      data: { accountId: s.accountId, invoiceId: inv.invoiceId, dueAt: inv.dueAt, openFen: inv.openFen },
    },
  ];
  if (!s.blocked) {
    events.push({
      type: 'AccountBlocked',
      data: {
        ...partyOf(s),
        reason: 'overdue_invoice',
        invoiceIds: [inv.invoiceId],
        blockedAt: ctx.now.toISOString(),
      },
    });
  }
  return events;
};

/** CRD-70: a default lasting beyond the policy's months is escalated, once per invoice. */
export const decideEscalateDefault = (
  command: EscalateDefault,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const inv = s.invoices.find((i) => i.invoiceId === command.data.invoiceId);
  if (inv === undefined || inv.openFen === 0 || inv.escalated) return [];
  if (escalationDueAt(inv.dueAt, ctx.policy).getTime() > ctx.now.getTime()) return [];
  return [
    {
      type: 'DefaultEscalated',
      data: {
        accountId: s.accountId,
        invoiceId: inv.invoiceId,
        dueAt: inv.dueAt,
        openFen: inv.openFen,
        rule: 'CRD-70',
        escalatedAt: ctx.now.toISOString(),
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

/** CRD-44: the balance confirmed at a period end must be settled before new credit. */
export const decideReconcileAccount = (
  command: ReconcileAccount,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, FINANCE, 'reconciling an account (CRD-44)');
  const periodEnd = new Date(command.data.periodEnd);
  if (Number.isNaN(periodEnd.getTime()) || periodEnd.getTime() > ctx.now.getTime()) {
    throw invalid('credit.invalid_instant', 'periodEnd is a past ISO-8601 instant', { field: 'periodEnd' });
  }
  const open = s.invoices.filter((i) => i.openFen > 0 && Date.parse(i.shippedAt) <= periodEnd.getTime());
  return [
    {
      type: 'AccountReconciled',
      data: {
        accountId: s.accountId,
        periodEnd: periodEnd.toISOString(),
        balanceFen: open.reduce((sum, i) => sum + i.openFen, 0),
        invoiceIds: open.map((i) => i.invoiceId),
        reconciledBy: ctx.actor.id,
      },
    },
  ];
};
