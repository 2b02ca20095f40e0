import { DomainError } from '@crm/event-sourcing';
import { loadStream, type EventStore } from '@crm/event-store';
import type { PolicyRegistry } from '@crm/policy';
import type { CustomerDirectoryReader } from '@crm/customers-directory-replica';
import {
  agingOf,
  creditAccountStreamId,
  CREDIT_POLICY_ID,
  evolveCreditAccount,
  exposureOf,
  initialCreditAccount,
  overdueItems,
  previousBalanceOpen,
  REVIEW_PERIODS,
  reviewDayEnds,
  type CreditAccountEvent,
  type CreditPolicyParams,
  type OpenCreditAccountState,
  type ReviewPeriod,
} from '@crm/credit-domain';

const notFound = (): DomainError =>
  new DomainError('not_found', 'credit.account_not_found', 'no credit account with this id');

/** Reads straight from the account stream: current, or as of a past instant (audit). */
export class CreditQueries {
  constructor(
    private readonly store: EventStore,
    private readonly policies: PolicyRegistry,
    private readonly directory: CustomerDirectoryReader,
  ) {}

  private async load(accountId: string, until?: Date) {
    const loaded = await loadStream(
      this.store,
      creditAccountStreamId(accountId),
      evolveCreditAccount,
      initialCreditAccount(),
      until !== undefined ? { until } : {},
    );
    if (loaded.state.status !== 'open') throw notFound();
    return { state: loaded.state, events: loaded.events, version: loaded.version };
  }

  async account(accountId: string, now: Date, asOf?: Date) {
    const at = asOf ?? now;
    const { state, version } = await this.load(accountId, asOf);
    const policy = await this.policies.current<CreditPolicyParams>(CREDIT_POLICY_ID, at);
    // The counterparty's link to the customers service: its current owner from the local replica.
    const entry = state.customerId !== undefined ? await this.directory.get(state.customerId) : undefined;
    return {
      ...view(state, at, policy.params),
      customer: entry
        ? { ownerBu: entry.ownerBu, ownerEmployeeId: entry.ownerEmployeeId, forgotten: entry.forgotten }
        : null,
      asOf: at.toISOString(),
      streamVersion: version,
      policyVersion: policy.version,
    };
  }

  /** Why an order was held (or approved): what the decision saw, and what happened since. */
  async holdExplanation(accountId: string, orderId: string) {
    const { state, events } = await this.load(accountId);
    const decision = events.find(
      (e) =>
        (e.type === 'CreditSaleHeld' || e.type === 'CreditSaleApproved') && e.data['orderId'] === orderId,
    );
    if (decision === undefined) {
      throw new DomainError(
        'not_found',
        'credit.order_not_found',
        'no credit decision for this order',
        undefined,
        {
          orderId,
        },
      );
    }
    const data = (decision as unknown as CreditAccountEvent).data as unknown as Record<string, unknown>;
    const snapshot = data['snapshot'] as Record<string, unknown>;
    const later = events
      .filter((e) => e.version > decision.version && e.data['orderId'] === orderId)
      .map((e) => ({
        type: e.type,
        at: e.metadata.businessTime,
        by: e.metadata.actor.id,
        reason: e.data['reason'],
      }));
    return {
      accountId,
      orderId,
      decision: decision.type === 'CreditSaleHeld' ? 'held' : 'approved',
      status: state.orders[orderId]?.status,
      amountFen: data['amountFen'],
      reasons: data['reasons'] ?? [],
      rules: data['rules'] ?? [],
      exposureFen: snapshot['exposureFen'],
      limitFen: snapshot['limitFen'],
      grade: snapshot['grade'],
      overdueItems: snapshot['overdueItems'],
      previousBalanceOpenFen: snapshot['previousBalanceOpenFen'],
      dossierStaleAt: snapshot['dossierStaleAt'],
      policyVersion: data['policyVersion'],
      decidedAt: data['decidedAt'],
      decidedBy: decision.metadata.actor,
      followUps: later,
    };
  }
}

/** CRD-50: a pending review whose day has ended (whether or not the timer has fired yet). */
const overdueReviews = (s: OpenCreditAccountState, at: Date): Partial<Record<ReviewPeriod, string>> =>
  Object.fromEntries(
    REVIEW_PERIODS.flatMap((period) => {
      const dueAt = s.reviewsDue[period];
      const overdue =
        dueAt !== undefined &&
        (s.reviewsOverdue[period] === dueAt || reviewDayEnds(dueAt).getTime() <= at.getTime());
      return overdue ? [[period, dueAt]] : [];
    }),
  );

const view = (s: OpenCreditAccountState, at: Date, policy: CreditPolicyParams) => {
  const exposureFen = exposureOf(s);
  const limitFen = s.activeLimit?.limitFen ?? 0;
  return {
    accountId: s.accountId,
    counterpartyKind: s.counterpartyKind,
    customerId: s.customerId,
    name: s.name ?? null,
    grade: s.grade ?? null,
    gradeProposal: s.proposal
      ? { proposalId: s.proposal.proposalId, grade: s.proposal.grade, reviewedBy: s.proposal.reviewedBy }
      : null,
    dossier: s.dossier
      ? {
          version: s.dossier.version,
          complete: s.dossier.complete,
          filedAt: s.dossier.filedAt,
          staleAt: s.dossier.staleAt,
          stale: Date.parse(s.dossier.staleAt) <= at.getTime(),
        }
      : null,
    dossierDraft: s.draft
      ? { version: s.draft.version, reviewed: s.draft.reviewed, missingSections: s.draft.missingSections }
      : null,
    collateralValueFen: s.collateralValueFen ?? null,
    activeLimit: s.activeLimit ?? null,
    pendingGrant: s.pendingGrant ?? null,
    exposureFen,
    limitFen,
    utilisation: limitFen === 0 ? null : exposureFen / limitFen,
    blocked: s.blocked,
    overdueItems: overdueItems(s, at),
    previousBalanceOpenFen: previousBalanceOpen(s),
    unappliedCreditFen: s.unappliedCreditFen,
    invoices: s.invoices,
    aging: agingOf(s, at, policy),
    orders: Object.values(s.orders),
    creditNotes: s.settlementIds.length,
    reviewsDue: s.reviewsDue,
    reviewsOverdue: overdueReviews(s, at),
    pendingAdjustment: s.pendingAdjustment ?? null,
    contract: s.contract ?? null,
  };
};
