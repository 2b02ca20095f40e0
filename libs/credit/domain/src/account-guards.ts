import { DomainError } from '@crm/event-sourcing';
import type { CreditAccount, OpenCreditAccountState } from './credit-account';

export const requireOpen = (state: CreditAccount): OpenCreditAccountState => {
  if (state.status !== 'open') {
    throw new DomainError('not_found', 'credit.account_not_found', 'no credit account with this id');
  }
  return state;
};

export const ruleError = (
  code: string,
  rule: string,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError('rule', code, message, rule, details);

export const conflict = (code: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('conflict', code, message, undefined, details);

export const invalid = (code: string, message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('invalid', code, message, undefined, details);

/** `accountId`, plus `customerId` when the counterparty is a customer: for public decisions. */
export const partyOf = (s: OpenCreditAccountState): { accountId: string; customerId?: string } => ({
  accountId: s.accountId,
  ...(s.customerId !== undefined ? { customerId: s.customerId } : {}),
});
