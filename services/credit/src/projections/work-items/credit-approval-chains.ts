import type { StoredEvent } from '@crm/event-store';
import {
  type ApprovalStages,
  CREDIT_GRANT_STAGES,
  GRADE_APPROVAL_STAGES,
  LIMIT_ADJUSTMENT_STAGES,
} from '@crm/credit-domain';
import type { ProjectionContext } from '@crm/projections';
import { closeChain, openChain, signChain } from './approval-chain';

/** One decision that needs sign-offs: the events that open, sign (with `role`) and complete it. */
interface ChainSpec {
  readonly name: string;
  /** The field of every event of the chain that identifies the decision. */
  readonly idField: string;
  readonly stages: ApprovalStages;
  readonly kind: string;
  readonly opens: string;
  readonly signs: string;
  readonly closes: string;
  /** Fields of the opening event shown in the title. */
  readonly params: readonly string[];
}

const CHAINS: readonly ChainSpec[] = [
  {
    name: 'grade',
    idField: 'proposalId',
    stages: GRADE_APPROVAL_STAGES,
    kind: 'gradeToApprove',
    opens: 'GradeProposed',
    signs: 'GradeReviewed',
    closes: 'GradeApproved',
    params: ['proposalId', 'grade'],
  },
  {
    name: 'grant',
    idField: 'grantId',
    stages: CREDIT_GRANT_STAGES,
    kind: 'grantToApprove',
    opens: 'CreditGrantRequested',
    signs: 'CreditGrantApproved',
    closes: 'CreditLimitGranted',
    params: ['grantId', 'grade', 'limitFen', 'termDays'],
  },
  {
    name: 'adjustment',
    idField: 'adjustmentId',
    stages: LIMIT_ADJUSTMENT_STAGES,
    kind: 'limitAdjustmentToApprove',
    opens: 'LimitAdjustmentProposed',
    signs: 'LimitAdjustmentApproved',
    closes: 'CreditLimitAdjusted',
    params: ['adjustmentId', 'currentLimitFen', 'newLimitFen'],
  },
];

export const CHAIN_EVENTS: readonly string[] = CHAINS.flatMap((c) => [c.opens, c.signs, c.closes]);

/**
 * Applies an event of one of the credit approval chains; false when the event belongs to none.
 * `accountParams` are the account's title values every item starts with.
 */
export const applyChainEvent = async (
  event: StoredEvent,
  ctx: ProjectionContext,
  accountParams: Readonly<Record<string, string>>,
): Promise<boolean> => {
  const spec = CHAINS.find((c) => [c.opens, c.signs, c.closes].includes(event.type));
  if (spec === undefined) return false;
  const accountId = accountParams['accountId'] ?? '';
  const chainId = `${spec.name}:${accountId}:${String(event.data[spec.idField])}`;
  if (event.type === spec.opens) {
    const shown = spec.params.map((p) => [p, event.data[p] as string | number]);
    await openChain(ctx, chainId, spec.stages, {
      kind: spec.kind,
      titleKey: `workItems.credit.${spec.kind}`,
      titleParams: { ...accountParams, ...Object.fromEntries(shown) },
      link: `/credit/accounts/${accountId}`,
    });
  } else if (event.type === spec.signs) {
    await signChain(ctx, chainId, String(event.data['role']));
  } else {
    await closeChain(ctx, chainId);
  }
  return true;
};
