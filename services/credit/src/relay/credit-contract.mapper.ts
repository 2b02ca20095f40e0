import type { StoredEvent } from '@crm/event-store';
import type { ContractEvent } from '@crm/messaging';
import type { CreditAccountEvent } from '@crm/credit-domain';
import {
  CREDIT_ACCOUNT_BLOCKED,
  CREDIT_ACCOUNT_UNBLOCKED,
  CREDIT_GRADE_APPROVED,
  CREDIT_LIMIT_ADJUSTED,
  CREDIT_LIMIT_GRANTED,
  CREDIT_REVIEW_DUE,
  CREDIT_SALE_APPROVED,
  CREDIT_SALE_HELD,
  parseCreditAccountBlockedV1,
  parseCreditAccountUnblockedV1,
  parseCreditGradeApprovedV1,
  parseCreditLimitAdjustedV1,
  parseCreditLimitGrantedV1,
  parseCreditReviewDueV1,
  parseCreditSaleApprovedV1,
  parseCreditSaleHeldV1,
} from '@crm/credit-contracts';

const contract = <T extends object>(accountId: string, type: string, data: T): ContractEvent => ({
  aggregateId: accountId,
  type,
  data: data as Readonly<Record<string, unknown>>,
});

/**
 * The only door out of the credit store: internal events mapped field by field to the public
 * contract (libs/credit/contracts), re-validated; dossiers, ledgers and approvals stay private.
 */
export const toCreditContract = (stored: StoredEvent): ContractEvent | null => {
  const event = { type: stored.type, data: stored.data } as unknown as CreditAccountEvent;
  switch (event.type) {
    case 'GradeApproved': {
      const { accountId, customerId, grade, previousGrade, approvedAt, policyVersion } = event.data;
      return contract(
        accountId,
        CREDIT_GRADE_APPROVED,
        parseCreditGradeApprovedV1({
          accountId,
          customerId,
          grade,
          previousGrade,
          approvedAt,
          policyVersion,
        }),
      );
    }
    case 'CreditLimitGranted': {
      const { accountId, customerId, limitFen, termDays, type, effectiveAt, policyVersion } = event.data;
      return contract(
        accountId,
        CREDIT_LIMIT_GRANTED,
        parseCreditLimitGrantedV1({
          accountId,
          customerId,
          limitFen,
          termDays,
          grantType: type,
          effectiveAt,
          policyVersion,
        }),
      );
    }
    case 'CreditLimitAdjusted': {
      const { accountId, customerId, previousLimitFen, limitFen, exception, effectiveAt, policyVersion } =
        event.data;
      return contract(
        accountId,
        CREDIT_LIMIT_ADJUSTED,
        parseCreditLimitAdjustedV1({
          accountId,
          customerId,
          previousLimitFen,
          limitFen,
          exception,
          effectiveAt,
          policyVersion,
        }),
      );
    }
    case 'AccountBlocked': {
      const { accountId, customerId, reason, blockedAt } = event.data;
      return contract(
        accountId,
        CREDIT_ACCOUNT_BLOCKED,
        parseCreditAccountBlockedV1({ accountId, customerId, reason, blockedAt }),
      );
    }
    case 'AccountUnblocked': {
      const { accountId, customerId, unblockedAt } = event.data;
      return contract(
        accountId,
        CREDIT_ACCOUNT_UNBLOCKED,
        parseCreditAccountUnblockedV1({ accountId, customerId, unblockedAt }),
      );
    }
    case 'CreditSaleApproved': {
      const { accountId, customerId, orderId, kind, amountFen, decidedAt, policyVersion } = event.data;
      return contract(
        accountId,
        CREDIT_SALE_APPROVED,
        parseCreditSaleApprovedV1({
          accountId,
          customerId,
          orderId,
          kind,
          amountFen,
          decidedAt,
          policyVersion,
        }),
      );
    }
    case 'CreditSaleHeld': {
      const { accountId, customerId, orderId, kind, amountFen, decidedAt, policyVersion, reasons } =
        event.data;
      return contract(
        accountId,
        CREDIT_SALE_HELD,
        parseCreditSaleHeldV1({
          accountId,
          customerId,
          orderId,
          kind,
          amountFen,
          decidedAt,
          policyVersion,
          reasons,
        }),
      );
    }
    case 'CreditReviewFellDue': {
      const { accountId, customerId, period, dueOn, bu } = event.data;
      return contract(
        accountId,
        CREDIT_REVIEW_DUE,
        parseCreditReviewDueV1({ accountId, customerId, reviewKind: period, dueOn, bu }),
      );
    }
    default:
      return null;
  }
};
