import { endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from './business-time';
import type { CreditAccount } from './credit-account';
import type { MarkReviewDue, MarkReviewOverdue } from './credit-account.commands';
import type { CreditAccountEvent } from './credit-account.events';
import type { CreditDecisionContext } from './credit-context';
import { partyOf, requireOpen } from './account-guards';

/** A review is due on the Shanghai day of its due instant: it shows from 00:00, overdue from 24:00. */
export const reviewDayStarts = (dueAt: string): Date => startOfShanghaiDay(new Date(dueAt));
export const reviewDayEnds = (dueAt: string): Date => endOfShanghaiDay(new Date(dueAt));

/** The review named by the timer is still the one pending (not done, not replaced). */
const stillPending = (state: CreditAccount, period: string, dueAt: string): boolean =>
  state.status === 'open' && state.reviewsDue[period as 'monthly'] === dueAt;

/** CRD-50: the review's day begins; a review done early (or a newer schedule) makes it a no-op. */
export const decideMarkReviewDue = (
  command: MarkReviewDue,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const { period, dueAt, bu } = command.data;
  if (!stillPending(s, period, dueAt)) return [];
  if (ctx.now.getTime() < reviewDayStarts(dueAt).getTime()) return [];
  return [
    {
      type: 'CreditReviewFellDue',
      data: { ...partyOf(s), period, dueAt, dueOn: shanghaiDate(new Date(dueAt)), bu },
    },
  ];
};

/** CRD-50: the review's day ended without the evaluation; recorded once per due review. */
export const decideMarkReviewOverdue = (
  command: MarkReviewOverdue,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const { period, dueAt } = command.data;
  if (!stillPending(s, period, dueAt) || s.reviewsOverdue[period] === dueAt) return [];
  if (ctx.now.getTime() < reviewDayEnds(dueAt).getTime()) return [];
  return [
    {
      type: 'CreditReviewOverdue',
      data: {
        accountId: s.accountId,
        period,
        dueAt,
        dueOn: shanghaiDate(new Date(dueAt)),
        rule: 'CRD-50',
      },
    },
  ];
};
