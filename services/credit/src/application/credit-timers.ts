import type { PoolClient } from 'pg';
import type { DurableTimers } from '@crm/policy';
import {
  escalationDueAt,
  reviewDayEnds,
  reviewDayStarts,
  type CreditAccountEvent,
  type CreditPolicyParams,
} from '@crm/credit-domain';

/** Deadlines that follow from credit decisions; ids derive from the fact, so rescheduling is a no-op. */
export const TIMER_KINDS = {
  invoiceOverdue: 'credit.invoice-overdue',
  defaultEscalation: 'credit.default-escalation',
  dossierStale: 'credit.dossier-stale',
  renewalWindow: 'credit.contract-renewal-window',
  contractEnd: 'credit.contract-end',
  reviewDue: 'credit.review-due',
  reviewOverdue: 'credit.review-overdue',
} as const;

export interface AccountTimerPayload {
  readonly accountId: string;
  readonly invoiceId?: string;
  readonly dossierVersion?: number;
  readonly contractId?: string;
  readonly period?: string;
  readonly dueAt?: string;
  readonly [key: string]: unknown;
}

/** Schedules, in the decision's own transaction, the timers its events call for. */
export const scheduleTimersFor = async (
  timers: DurableTimers,
  client: PoolClient,
  events: readonly CreditAccountEvent[],
  policy: CreditPolicyParams,
): Promise<void> => {
  for (const event of events) {
    if (event.type === 'InvoiceIssued') {
      const { accountId, invoiceId, dueAt } = event.data;
      const payload: AccountTimerPayload = { accountId, invoiceId };
      await timers.schedule(
        `${TIMER_KINDS.invoiceOverdue}:${accountId}:${invoiceId}`,
        // The invoice is overdue once its due instant has passed.
        new Date(Date.parse(dueAt) + 1),
        TIMER_KINDS.invoiceOverdue,
        payload,
        { within: client },
      );
      await timers.schedule(
        `${TIMER_KINDS.defaultEscalation}:${accountId}:${invoiceId}`,
        escalationDueAt(dueAt, policy),
        TIMER_KINDS.defaultEscalation,
        payload,
        { within: client },
      );
    }
    if (event.type === 'CreditContractRecorded') {
      const { accountId, contractId, renewalOpensAt, endsAt } = event.data;
      const payload: AccountTimerPayload = { accountId, contractId };
      const at = [
        [TIMER_KINDS.renewalWindow, renewalOpensAt],
        [TIMER_KINDS.contractEnd, endsAt],
      ] as const;
      for (const [kind, dueAt] of at) {
        await timers.schedule(`${kind}:${accountId}:${contractId}`, new Date(dueAt), kind, payload, {
          within: client,
        });
      }
    }
    if (event.type === 'CreditReviewScheduled') {
      // CRD-50: the reminder at the start of the review's day, the overdue flag at its end.
      const { accountId, period, dueAt } = event.data;
      const payload: AccountTimerPayload = { accountId, period, dueAt };
      const at = [
        [TIMER_KINDS.reviewDue, reviewDayStarts(dueAt)],
        [TIMER_KINDS.reviewOverdue, reviewDayEnds(dueAt)],
      ] as const;
      for (const [kind, when] of at) {
        await timers.schedule(`${kind}:${accountId}:${period}:${dueAt}`, when, kind, payload, {
          within: client,
        });
      }
    }
    if (event.type === 'DossierFiled') {
      const { accountId, dossierVersion, staleAt } = event.data;
      await timers.schedule(
        `${TIMER_KINDS.dossierStale}:${accountId}:${dossierVersion}`,
        new Date(staleAt),
        TIMER_KINDS.dossierStale,
        { accountId, dossierVersion } satisfies AccountTimerPayload,
        { within: client },
      );
    }
  }
};
