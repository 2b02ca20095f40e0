import type { ContractCatalog } from '@crm/contract-fields';
import { CREDIT_TOPIC } from './credit-topic';
import {
  CREDIT_ACCOUNT_BLOCKED,
  CREDIT_ACCOUNT_UNBLOCKED,
  CREDIT_GRADE_APPROVED,
  CREDIT_LIMIT_ADJUSTED,
  CREDIT_LIMIT_GRANTED,
  CREDIT_SALE_APPROVED,
  CREDIT_SALE_HELD,
  CREDIT_REVIEW_DUE,
  CREDIT_CONTRACT_EVENT_TYPES,
  parseCreditReviewDueV1,
  parseCreditAccountBlockedV1,
  parseCreditAccountUnblockedV1,
  parseCreditGradeApprovedV1,
  parseCreditLimitAdjustedV1,
  parseCreditLimitGrantedV1,
  parseCreditSaleApprovedV1,
  parseCreditSaleHeldV1,
} from './credit-account-events';

const parsers: Record<(typeof CREDIT_CONTRACT_EVENT_TYPES)[number], (data: unknown) => unknown> = {
  [CREDIT_GRADE_APPROVED]: parseCreditGradeApprovedV1,
  [CREDIT_LIMIT_GRANTED]: parseCreditLimitGrantedV1,
  [CREDIT_LIMIT_ADJUSTED]: parseCreditLimitAdjustedV1,
  [CREDIT_ACCOUNT_BLOCKED]: parseCreditAccountBlockedV1,
  [CREDIT_ACCOUNT_UNBLOCKED]: parseCreditAccountUnblockedV1,
  [CREDIT_SALE_APPROVED]: parseCreditSaleApprovedV1,
  [CREDIT_SALE_HELD]: parseCreditSaleHeldV1,
  [CREDIT_REVIEW_DUE]: parseCreditReviewDueV1,
};

/** What the credit service publishes: the relay validates against it, the AsyncAPI document is made from it. */
export const CREDIT_CONTRACTS: ContractCatalog = {
  service: 'credit',
  topic: CREDIT_TOPIC,
  title: 'Credit grades, limits, holds and sale decisions',
  parsers,
};
