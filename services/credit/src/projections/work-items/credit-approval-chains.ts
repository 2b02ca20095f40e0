import type { StoredEvent } from '@crm/event-store';
import {
  type ApprovalStages,
  type ApprovalSubject,
  type GradeComputation,
  CREDIT_GRANT_STAGES,
  GRADE_APPROVAL_STAGES,
  LIMIT_ADJUSTMENT_STAGES,
} from '@crm/credit-domain';
import type { ProjectionContext, WorkItemApproval, WorkItemCommand } from '@crm/projections';
import { closeChain, openChain, signChain } from './approval-chain';

/** Codes an approver chooses from to refuse (or note) a credit decision (`workItems.reasons.<code>`). */
export const CREDIT_REFUSAL_REASONS = [
  'insufficient_basis',
  'dossier_incomplete',
  'exposure_too_high',
  'collateral_insufficient',
  'payment_record_poor',
  'other',
] as const;

type Params = Readonly<Record<string, string | number | boolean | null>>;

/** One decision that needs sign-offs: the events that open, sign (with `role`) and complete it. */
interface ChainSpec {
  readonly name: ApprovalSubject;
  /** The field of every event of the chain that identifies the decision. */
  readonly idField: string;
  readonly stages: ApprovalStages;
  readonly kind: string;
  readonly opens: string;
  readonly signs: string;
  readonly closes: string;
  /** Fields of the opening event shown in the title. */
  readonly params: readonly string[];
  /** The facts the approver decides on, from the opening event. */
  readonly basis: (data: Readonly<Record<string, unknown>>) => Params;
  /** The rule that requires this role's sign-off. */
  readonly rule: (data: Readonly<Record<string, unknown>>, stage: number) => string;
  /** The command that signs, for this role. */
  readonly approvePath: (base: string, id: string, role: string) => string;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

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
    basis: (d) => {
      const c = (d['computation'] ?? {}) as Partial<GradeComputation>;
      return {
        grade: text(d['grade']),
        dossierVersion: num(d['dossierVersion']),
        newCounterparty: c.newCounterparty === true,
        aCriteriaMet: (c.aCriteriaMet ?? []).join(','),
        aCriteriaFailed: (c.aCriteriaFailed ?? []).join(','),
        cFlags: (c.cFlags ?? []).join(','),
      };
    },
    rule: () => 'CRD-26',
    approvePath: (base, id, role) =>
      `${base}/grade-proposals/${id}/${role === 'gm' ? 'approval' : 'reviews'}`,
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
    basis: (d) => {
      const averages = (d['averages'] ?? {}) as { shipmentsFen?: number; collectionsFen?: number };
      return {
        grade: text(d['grade']),
        grantType: text(d['type']),
        limitFen: num(d['limitFen']),
        termDays: num(d['termDays']),
        hasCreditHistory: d['hasCreditHistory'] === true,
        averageShipmentsFen: num(averages.shipmentsFen),
        averageCollectionsFen: num(averages.collectionsFen),
        collateralValueFen: num(d['collateralValueFen']),
        exceptionalReason: text(d['exceptionalReason']),
      };
    },
    rule: (_d, stage) => (stage === 0 ? 'CRD-32' : 'CRD-37'),
    approvePath: (base, id) => `${base}/grants/${id}/approvals`,
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
    basis: (d) => ({
      currentLimitFen: num(d['currentLimitFen']),
      newLimitFen: num(d['newLimitFen']),
      exceptionReason: text(d['exceptionReason']),
    }),
    rule: (d) => (text(d['exceptionReason']) !== null ? 'CRD-54' : 'CRD-53'),
    approvePath: (base, id) => `${base}/limit-adjustments/${id}/approvals`,
  },
];

export const CHAIN_EVENTS: readonly string[] = CHAINS.flatMap((c) => [c.opens, c.signs, c.closes]);
export const REFUSED = 'CreditApprovalRefused';

const post = (path: string, body?: WorkItemCommand['body'], withReason = false): WorkItemCommand => ({
  method: 'POST',
  path,
  ...(body !== undefined ? { body } : {}),
  withReason,
});

/** Per `<stage>:<role>` (a grant's GM signs twice): the signing command, the refusal, basis and rule. */
const approvalsOf = (
  spec: ChainSpec,
  event: StoredEvent,
  accountId: string,
  decisionId: string,
): Record<string, WorkItemApproval> => {
  const base = `/credit-accounts/${accountId}`;
  const entries = spec.stages.flatMap((roles, stage) =>
    roles.map((role): [string, WorkItemApproval] => [
      `${stage}:${role}`,
      {
        requestedBy: event.metadata.actor.id,
        requestedAt: event.metadata.businessTime,
        basis: spec.basis(event.data),
        rule: spec.rule(event.data, stage),
        approve: post(spec.approvePath(base, decisionId, role)),
        refuse: post(`${base}/approval-refusals`, { subject: spec.name, subjectId: decisionId }, true),
        reasons: CREDIT_REFUSAL_REASONS,
      },
    ]),
  );
  return Object.fromEntries(entries);
};

/**
 * Applies an event of one of the credit approval chains; false when the event belongs to none.
 * `accountParams` are the account's title values every item starts with.
 */
export const applyChainEvent = async (
  event: StoredEvent,
  ctx: ProjectionContext,
  accountParams: Readonly<Record<string, string>>,
): Promise<boolean> => {
  const accountId = accountParams['accountId'] ?? '';
  if (event.type === REFUSED) {
    const subject = String(event.data['subject']);
    await closeChain(ctx, `${subject}:${accountId}:${String(event.data['subjectId'])}`);
    return true;
  }
  const spec = CHAINS.find((c) => [c.opens, c.signs, c.closes].includes(event.type));
  if (spec === undefined) return false;
  const decisionId = String(event.data[spec.idField]);
  const chainId = `${spec.name}:${accountId}:${decisionId}`;
  if (event.type === spec.opens) {
    const shown = spec.params.map((p) => [p, event.data[p] as string | number]);
    await openChain(ctx, chainId, spec.stages, {
      kind: spec.kind,
      titleKey: `workItems.credit.${spec.kind}`,
      titleParams: { ...accountParams, ...Object.fromEntries(shown) },
      link: `/credit/accounts/${accountId}`,
      approvalFor: approvalsOf(spec, event, accountId, decisionId),
    });
  } else if (event.type === spec.signs) {
    await signChain(ctx, chainId, String(event.data['role']));
  } else {
    await closeChain(ctx, chainId);
  }
  return true;
};
