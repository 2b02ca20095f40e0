import type { ResolutionItem } from './case.events';
import type { ApproverRole, EscalationLevel } from './case.vocabulary';
import { isMonetary } from './case.vocabulary';
import type { ComplaintsPolicy } from './complaints-policy';

const RANK: Readonly<Record<ApproverRole, number>> = { cs_manager: 1, bu_manager: 2, gm: 3 };

export const monetaryTotalFen = (items: readonly ResolutionItem[]): number =>
  items.filter((i) => isMonetary(i.kind)).reduce((sum, i) => sum + i.amountFen, 0);

/** Approval by amount (CMP-APR-07, policy): ≤ 500 yuan cs_manager, ≤ 5,000 bu_manager, above gm. */
export const requiredApprover = (
  items: readonly ResolutionItem[],
  policy: ComplaintsPolicy,
): ApproverRole => {
  const total = monetaryTotalFen(items);
  if (total <= policy.approvalLimitsFen.cs_manager) return 'cs_manager';
  if (total <= policy.approvalLimitsFen.bu_manager) return 'bu_manager';
  return 'gm';
};

/**
 * After a rejected reply the case sits higher on the ladder (CMP-ESC-B5-02): the new resolution
 * needs at least that level's approval, whatever the amount.
 */
export const approverAfterEscalation = (byAmount: ApproverRole, level: EscalationLevel): ApproverRole => {
  const floor: ApproverRole = level === 'gm' ? 'gm' : level === 'bu_manager' ? 'bu_manager' : 'cs_manager';
  return RANK[floor] > RANK[byAmount] ? floor : byAmount;
};

/** A higher authority may approve what a lower one could. */
export const mayApprove = (role: string, required: ApproverRole): boolean =>
  role in RANK && RANK[role as ApproverRole] >= RANK[required];
