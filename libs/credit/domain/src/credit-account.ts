import type { DossierSection, RatingFacts } from './dossier';
import type {
  Allocation,
  CounterpartyKind,
  CreditAccountEvent,
  CreditAccountOpened,
  CreditKind,
  HoldReason,
  ApprovalSubject,
  ReviewPeriod,
} from './credit-account.events';
import type { GrantType } from './grant-table';
import type { Grade, GradeComputation } from './rating';

export type OrderStatus = 'approved' | 'held' | 'released' | 'rejected' | 'shipped' | 'accepted';

export type Order = {
  readonly orderId: string;
  readonly kind: CreditKind;
  readonly amountFen: number;
  readonly status: OrderStatus;
  readonly reasons: readonly HoldReason[];
  readonly releaseRequestedBy?: string;
};

export type Invoice = {
  readonly invoiceId: string;
  readonly orderId: string;
  readonly amountFen: number;
  readonly openFen: number;
  readonly shippedAt: string;
  readonly dueAt: string;
  readonly markedOverdue: boolean;
  readonly escalated: boolean;
};

export type DossierDraft = {
  readonly version: number;
  readonly facts: RatingFacts;
  readonly missingSections: readonly DossierSection[];
  readonly authorId: string;
  readonly reviewed: boolean;
};

export type FiledDossier = {
  readonly version: number;
  readonly facts: RatingFacts;
  readonly complete: boolean;
  readonly filedAt: string;
  readonly staleAt: string;
  readonly markedStale: boolean;
};

export type GradeProposal = {
  readonly proposalId: string;
  readonly grade: Grade;
  readonly computation: GradeComputation;
  readonly reviewedBy: readonly ('marketing_vp' | 'cfo')[];
};

export type PendingGrant = {
  readonly grantId: string;
  readonly grade: Grade;
  readonly type: GrantType;
  readonly limitFen: number;
  readonly termDays: number;
  readonly grantApprovals: readonly string[];
  readonly limitApprovals: readonly string[];
};

export type ActiveLimit = {
  readonly grantId: string;
  readonly type: GrantType;
  readonly limitFen: number;
  readonly termDays: number;
  readonly effectiveAt: string;
};

export type PendingAdjustment = {
  readonly adjustmentId: string;
  readonly newLimitFen: number;
  readonly exceptionReason?: string;
  readonly approvals: readonly string[];
};

export type Contract = {
  readonly contractId: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly renewalOpensAt: string;
  readonly clearedOnce: boolean;
  readonly renewalOpened: boolean;
  readonly ended: boolean;
};

export type OpenCreditAccountState = {
  readonly status: 'open';
  readonly accountId: string;
  readonly counterpartyKind: CounterpartyKind;
  readonly customerId?: string;
  /** Suppliers only (see `CreditAccountOpened`). */
  readonly name?: string;
  readonly draft?: DossierDraft;
  readonly dossier?: FiledDossier;
  readonly dossierVersions: number;
  readonly proposal?: GradeProposal;
  readonly grade?: Grade;
  readonly collateralValueFen?: number;
  readonly pendingGrant?: PendingGrant;
  readonly activeLimit?: ActiveLimit;
  readonly everHadCredit: boolean;
  readonly orders: Readonly<Record<string, Order>>;
  readonly invoices: readonly Invoice[];
  readonly unappliedCreditFen: number;
  readonly settlementIds: readonly string[];
  readonly paymentIds: readonly string[];
  readonly blocked: boolean;
  readonly reconciledInvoiceIds: readonly string[];
  readonly reviewsDue: Readonly<Partial<Record<ReviewPeriod, string>>>;
  /** Reviews whose day passed without the evaluation (CRD-50), by the due instant. */
  readonly reviewsOverdue: Readonly<Partial<Record<ReviewPeriod, string>>>;
  readonly pendingAdjustment?: PendingAdjustment;
  readonly contract?: Contract;
};

export type CreditAccount = { readonly status: 'unopened' } | OpenCreditAccountState;

export const initialCreditAccount = (): CreditAccount => ({ status: 'unopened' });

const settle = (invoices: readonly Invoice[], allocations: readonly Allocation[]): Invoice[] =>
  invoices.map((inv) => {
    const paid = allocations.filter((a) => a.invoiceId === inv.invoiceId).reduce((s, a) => s + a.fen, 0);
    return paid === 0 ? inv : { ...inv, openFen: inv.openFen - paid };
  });

const setOrder = (
  s: OpenCreditAccountState,
  orderId: string,
  patch: Partial<Order>,
): OpenCreditAccountState => {
  const order = s.orders[orderId];
  return order === undefined ? s : { ...s, orders: { ...s.orders, [orderId]: { ...order, ...patch } } };
};

/** A refusal ends the pending decision; nothing it asked for takes effect. */
const refused = (s: OpenCreditAccountState, subject: ApprovalSubject): OpenCreditAccountState => {
  if (subject === 'grade') {
    const { proposal: _refused, ...rest } = s;
    return rest;
  }
  if (subject === 'grant') {
    const { pendingGrant: _refused, ...rest } = s;
    return rest;
  }
  const { pendingAdjustment: _refused, ...rest } = s;
  return rest;
};

const evolveOpen = (s: OpenCreditAccountState, event: CreditAccountEvent): OpenCreditAccountState => {
  switch (event.type) {
    case 'DossierSubmitted':
      return {
        ...s,
        dossierVersions: event.data.dossierVersion,
        draft: {
          version: event.data.dossierVersion,
          facts: event.data.facts,
          missingSections: event.data.missingSections,
          authorId: event.data.authorId,
          reviewed: false,
        },
      };
    case 'DossierReviewed':
      return s.draft === undefined ? s : { ...s, draft: { ...s.draft, reviewed: true } };
    case 'DossierFiled': {
      if (s.draft === undefined) return s;
      const { draft: filed, ...rest } = s;
      return {
        ...rest,
        dossier: {
          version: filed.version,
          facts: filed.facts,
          complete: filed.missingSections.length === 0,
          filedAt: event.data.filedAt,
          staleAt: event.data.staleAt,
          markedStale: false,
        },
      };
    }
    case 'DossierBecameStale':
      return s.dossier?.version === event.data.dossierVersion
        ? { ...s, dossier: { ...s.dossier, markedStale: true } }
        : s;
    case 'GradeProposed':
      return {
        ...s,
        proposal: {
          proposalId: event.data.proposalId,
          grade: event.data.grade,
          computation: event.data.computation,
          reviewedBy: [],
        },
      };
    case 'GradeReviewed':
      return s.proposal === undefined
        ? s
        : { ...s, proposal: { ...s.proposal, reviewedBy: [...s.proposal.reviewedBy, event.data.role] } };
    case 'GradeApproved': {
      const { proposal: _approved, ...rest } = s;
      return { ...rest, grade: event.data.grade };
    }
    case 'CollateralRegistered':
      return { ...s, collateralValueFen: (s.collateralValueFen ?? 0) + event.data.valueFen };
    case 'CreditGrantRequested':
      return {
        ...s,
        pendingGrant: {
          grantId: event.data.grantId,
          grade: event.data.grade,
          type: event.data.type,
          limitFen: event.data.limitFen,
          termDays: event.data.termDays,
          grantApprovals: [],
          limitApprovals: [],
        },
      };
    case 'CreditGrantApproved': {
      const g = s.pendingGrant;
      if (g === undefined) return s;
      return event.data.stage === 'grant'
        ? { ...s, pendingGrant: { ...g, grantApprovals: [...g.grantApprovals, event.data.role] } }
        : { ...s, pendingGrant: { ...g, limitApprovals: [...g.limitApprovals, event.data.role] } };
    }
    case 'CreditLimitGranted': {
      const { pendingGrant: _done, ...rest } = s;
      return {
        ...rest,
        everHadCredit: true,
        activeLimit: {
          grantId: event.data.grantId,
          type: event.data.type,
          limitFen: event.data.limitFen,
          termDays: event.data.termDays,
          effectiveAt: event.data.effectiveAt,
        },
      };
    }
    case 'CreditSaleApproved':
      return {
        ...s,
        everHadCredit: true,
        orders: {
          ...s.orders,
          [event.data.orderId]: {
            orderId: event.data.orderId,
            kind: event.data.kind,
            amountFen: event.data.amountFen,
            status: 'approved',
            reasons: [],
          },
        },
      };
    case 'CreditSaleHeld':
      return {
        ...s,
        orders: {
          ...s.orders,
          [event.data.orderId]: {
            orderId: event.data.orderId,
            kind: event.data.kind,
            amountFen: event.data.amountFen,
            status: 'held',
            reasons: event.data.reasons,
          },
        },
      };
    case 'HoldReleaseRequested':
      return setOrder(s, event.data.orderId, { releaseRequestedBy: event.data.requestedBy });
    case 'CreditHoldReleased':
      return { ...setOrder(s, event.data.orderId, { status: 'released' }), everHadCredit: true };
    case 'CreditHoldRejected':
      return setOrder(s, event.data.orderId, { status: 'rejected' });
    case 'InvoiceIssued': {
      const withOrder = setOrder(s, event.data.orderId, { status: 'shipped' });
      return {
        ...withOrder,
        unappliedCreditFen: s.unappliedCreditFen - event.data.creditAppliedFen,
        invoices: [
          ...s.invoices,
          {
            invoiceId: event.data.invoiceId,
            orderId: event.data.orderId,
            amountFen: event.data.amountFen,
            openFen: event.data.amountFen - event.data.creditAppliedFen,
            shippedAt: event.data.shippedAt,
            dueAt: event.data.dueAt,
            markedOverdue: false,
            escalated: false,
          },
        ],
      };
    }
    case 'PrepaymentGoodsAccepted':
      return setOrder(s, event.data.orderId, { status: 'accepted' });
    case 'PaymentReceived':
      return {
        ...s,
        paymentIds: [...s.paymentIds, event.data.paymentId],
        invoices: settle(s.invoices, event.data.allocations),
        unappliedCreditFen: s.unappliedCreditFen + event.data.unappliedFen,
      };
    case 'CreditNoteIssued':
      return {
        ...s,
        settlementIds: [...s.settlementIds, event.data.settlementId],
        invoices: settle(s.invoices, event.data.allocations),
        unappliedCreditFen: s.unappliedCreditFen + event.data.unappliedFen,
      };
    case 'InvoiceOverdue':
      return {
        ...s,
        invoices: s.invoices.map((i) =>
          i.invoiceId === event.data.invoiceId ? { ...i, markedOverdue: true } : i,
        ),
      };
    case 'AccountBlocked':
      return { ...s, blocked: true };
    case 'AccountUnblocked':
      return { ...s, blocked: false };
    case 'DefaultEscalated':
      return {
        ...s,
        invoices: s.invoices.map((i) =>
          i.invoiceId === event.data.invoiceId ? { ...i, escalated: true } : i,
        ),
      };
    case 'AccountReconciled':
      return { ...s, reconciledInvoiceIds: event.data.invoiceIds };
    case 'CreditReviewScheduled':
      return { ...s, reviewsDue: { ...s.reviewsDue, [event.data.period]: event.data.dueAt } };
    case 'CreditReviewOverdue':
      return { ...s, reviewsOverdue: { ...s.reviewsOverdue, [event.data.period]: event.data.dueAt } };
    case 'CreditReviewCompleted': {
      const { [event.data.period]: _done, ...stillOverdue } = s.reviewsOverdue;
      return { ...s, reviewsOverdue: stillOverdue };
    }
    case 'CreditApprovalRefused':
      return refused(s, event.data.subject);
    case 'LimitAdjustmentProposed':
      return {
        ...s,
        pendingAdjustment: {
          adjustmentId: event.data.adjustmentId,
          newLimitFen: event.data.newLimitFen,
          ...(event.data.exceptionReason !== undefined
            ? { exceptionReason: event.data.exceptionReason }
            : {}),
          approvals: [],
        },
      };
    case 'LimitAdjustmentApproved':
      return s.pendingAdjustment === undefined
        ? s
        : {
            ...s,
            pendingAdjustment: {
              ...s.pendingAdjustment,
              approvals: [...s.pendingAdjustment.approvals, event.data.role],
            },
          };
    case 'CreditLimitAdjusted': {
      const { pendingAdjustment: _done, ...rest } = s;
      return s.activeLimit === undefined
        ? rest
        : {
            ...rest,
            activeLimit: {
              ...s.activeLimit,
              limitFen: event.data.limitFen,
              effectiveAt: event.data.effectiveAt,
            },
          };
    }
    case 'CreditContractRecorded':
      return {
        ...s,
        contract: {
          contractId: event.data.contractId,
          startsAt: event.data.startsAt,
          endsAt: event.data.endsAt,
          renewalOpensAt: event.data.renewalOpensAt,
          clearedOnce: false,
          renewalOpened: false,
          ended: false,
        },
      };
    case 'ExposureClearedToZero': {
      const c = s.contract;
      const at = Date.parse(event.data.clearedAt);
      const within = c !== undefined && at >= Date.parse(c.startsAt) && at <= Date.parse(c.endsAt);
      return within ? { ...s, contract: { ...c, clearedOnce: true } } : s;
    }
    case 'ContractRenewalWindowOpened':
      return s.contract === undefined ? s : { ...s, contract: { ...s.contract, renewalOpened: true } };
    case 'ContractPeriodEnded':
      return s.contract === undefined ? s : { ...s, contract: { ...s.contract, ended: true } };
    default:
      return s;
  }
};

/**
 * The name an account may show: a supplier's. A customer's name in an event recorded before
 * customer accounts stopped keeping it is ignored, so a forgotten customer's name is never shown.
 */
export const counterpartyName = (data: CreditAccountOpened['data']): string | undefined =>
  data.counterpartyKind === 'supplier' ? data.name : undefined;

/** Total: an event that does not fit the state (or an unknown type) leaves the state unchanged. */
export const evolveCreditAccount = (state: CreditAccount, event: CreditAccountEvent): CreditAccount => {
  if (state.status === 'unopened') {
    if (event.type !== 'CreditAccountOpened') return state;
    return {
      status: 'open',
      accountId: event.data.accountId,
      counterpartyKind: event.data.counterpartyKind,
      ...(event.data.customerId !== undefined ? { customerId: event.data.customerId } : {}),
      ...(counterpartyName(event.data) !== undefined ? { name: counterpartyName(event.data) } : {}),
      dossierVersions: 0,
      everHadCredit: false,
      orders: {},
      invoices: [],
      unappliedCreditFen: 0,
      settlementIds: [],
      paymentIds: [],
      blocked: false,
      reconciledInvoiceIds: [],
      reviewsDue: {},
      reviewsOverdue: {},
    };
  }
  return evolveOpen(state, event);
};
