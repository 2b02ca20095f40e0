/**
 * Who signs off what, in which order (CRD-26, CRD-32..37, CRD-53): each stage's roles in any
 * order, stages one after the other. The deciders enforce it; the inbox reads it to know whose turn it is.
 */
export const GRADE_REVIEWERS = ['marketing_vp', 'cfo'] as const;
export const GRANT_APPROVERS = ['marketing_vp', 'cfo', 'gm'] as const;
export const LIMIT_APPROVERS = ['gm', 'chairman'] as const;
export const ADJUSTMENT_ENDORSER = 'marketing_vp';
export const ADJUSTMENT_APPROVERS = [ADJUSTMENT_ENDORSER, 'gm', 'chairman'] as const;

export type ApprovalStages = readonly (readonly string[])[];

export const GRADE_APPROVAL_STAGES: ApprovalStages = [GRADE_REVIEWERS, ['gm']];
export const CREDIT_GRANT_STAGES: ApprovalStages = [GRANT_APPROVERS, LIMIT_APPROVERS];
export const LIMIT_ADJUSTMENT_STAGES: ApprovalStages = [
  [ADJUSTMENT_ENDORSER],
  ADJUSTMENT_APPROVERS.filter((r) => r !== ADJUSTMENT_ENDORSER),
];
