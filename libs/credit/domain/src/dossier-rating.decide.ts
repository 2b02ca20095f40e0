import { GRADE_REVIEWERS } from './approval-chains';
import { addMonths } from './business-time';
import type { CreditAccount } from './credit-account';
import type {
  ApproveGrade,
  FileDossier,
  MarkDossierStale,
  ProposeGrade,
  ReviewDossier,
  ReviewGrade,
  SubmitDossier,
} from './credit-account.commands';
import type { CreditAccountEvent } from './credit-account.events';
import { requireRole, type CreditDecisionContext } from './credit-context';
import { missingSections } from './dossier';
import { computeGrade } from './rating';
import { conflict, partyOf, requireOpen, ruleError } from './account-guards';

/** CRD-13: the account supervisor writes (and answers for) the dossier. */
export const decideSubmitDossier = (
  command: SubmitDossier,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['account_supervisor'], 'writing the credit investigation (CRD-13)');
  return [
    {
      type: 'DossierSubmitted',
      data: {
        accountId: s.accountId,
        dossierVersion: s.dossierVersions + 1,
        sections: command.data.sections,
        missingSections: missingSections(command.data.sections),
        facts: command.data.facts,
        authorId: ctx.actor.id,
        submittedAt: ctx.now.toISOString(),
      },
    },
  ];
};

export const decideReviewDossier = (
  command: ReviewDossier,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_manager'], 'reviewing the credit investigation (CRD-13/14)');
  if (s.draft === undefined)
    throw conflict('credit.no_dossier_to_review', 'no submitted dossier awaits review');
  if (s.draft.reviewed) throw conflict('credit.dossier_already_reviewed', 'this dossier version is reviewed');
  if (s.draft.authorId === ctx.actor.id) {
    throw ruleError('credit.author_cannot_review', 'CRD-13', 'the author may not review their own dossier');
  }
  return [
    {
      type: 'DossierReviewed',
      data: {
        accountId: s.accountId,
        dossierVersion: s.draft.version,
        reviewerId: ctx.actor.id,
        findings: command.data.findings,
      },
    },
  ];
};

/** Filing starts the quarter after which the dossier is stale (CRD-15). */
export const decideFileDossier = (
  _command: FileDossier,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['credit_controller'], 'filing the credit investigation (CRD-13)');
  if (s.draft === undefined || !s.draft.reviewed) {
    throw ruleError('credit.dossier_not_reviewed', 'CRD-13', 'a dossier is filed only after its review');
  }
  return [
    {
      type: 'DossierFiled',
      data: {
        accountId: s.accountId,
        dossierVersion: s.draft.version,
        filedBy: ctx.actor.id,
        filedAt: ctx.now.toISOString(),
        staleAt: addMonths(ctx.now, ctx.policy.dossierRefreshMonths).toISOString(),
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

/** From the durable timer: only the version it was set for, and only once. */
export const decideMarkDossierStale = (
  command: MarkDossierStale,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  const d = s.dossier;
  if (d === undefined || d.version !== command.data.dossierVersion || d.markedStale) return [];
  if (Date.parse(d.staleAt) > ctx.now.getTime()) return [];
  return [
    {
      type: 'DossierBecameStale',
      data: { accountId: s.accountId, dossierVersion: d.version, staleAt: d.staleAt },
    },
  ];
};

/** CRD-26: the marketing manager proposes, with the salesperson and the credit controller. */
export const decideProposeGrade = (
  command: ProposeGrade,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  const s = requireOpen(state);
  requireRole(ctx, ['marketing_manager'], 'proposing a credit grade (CRD-26)');
  if (s.dossier === undefined) {
    throw ruleError('credit.dossier_not_filed', 'CRD-26', 'a grade is proposed from a filed investigation');
  }
  const computation = computeGrade(s.dossier.facts, s.dossier.complete, ctx.now, ctx.policy);
  return [
    {
      type: 'GradeProposed',
      data: {
        accountId: s.accountId,
        proposalId: command.data.proposalId,
        grade: computation.grade,
        computation,
        facts: s.dossier.facts,
        dossierVersion: s.dossier.version,
        proposedBy: ctx.actor.id,
        salespersonId: command.data.salespersonId,
        creditControllerId: command.data.creditControllerId,
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};

const currentProposal = (state: CreditAccount, proposalId: string) => {
  const s = requireOpen(state);
  if (s.proposal?.proposalId !== proposalId) {
    throw conflict('credit.proposal_not_pending', 'this grade proposal is not pending', { proposalId });
  }
  return { s, proposal: s.proposal };
};

export const decideReviewGrade = (
  command: ReviewGrade,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  requireRole(ctx, GRADE_REVIEWERS, 'reviewing a credit grade (CRD-26)');
  const { s, proposal } = currentProposal(state, command.data.proposalId);
  const role = ctx.actor.role as (typeof GRADE_REVIEWERS)[number];
  if (proposal.reviewedBy.includes(role)) {
    throw conflict('credit.already_reviewed', `the ${role} already reviewed this proposal`);
  }
  return [
    {
      type: 'GradeReviewed',
      data: { accountId: s.accountId, proposalId: proposal.proposalId, role, reviewerId: ctx.actor.id },
    },
  ];
};

/** The grade takes effect only here, after both reviews (CRD-26). */
export const decideApproveGrade = (
  command: ApproveGrade,
  state: CreditAccount,
  ctx: CreditDecisionContext,
): CreditAccountEvent[] => {
  requireRole(ctx, ['gm'], 'approving a credit grade (CRD-26)');
  const { s, proposal } = currentProposal(state, command.data.proposalId);
  const missing = GRADE_REVIEWERS.filter((r) => !proposal.reviewedBy.includes(r));
  if (missing.length > 0) {
    throw ruleError(
      'credit.reviews_missing',
      'CRD-26',
      'the marketing VP and the CFO review before the GM approves',
      {
        missingReviews: missing,
      },
    );
  }
  const approved: CreditAccountEvent = {
    type: 'GradeApproved',
    data: {
      ...partyOf(s),
      proposalId: proposal.proposalId,
      grade: proposal.grade,
      ...(s.grade !== undefined ? { previousGrade: s.grade } : {}),
      approvedBy: ctx.actor.id,
      approvedAt: ctx.now.toISOString(),
      policyVersion: ctx.policyVersion,
    },
  };
  const limitFen = s.activeLimit?.limitFen ?? 0;
  if (proposal.grade !== 'C' || limitFen === 0) return [approved];
  // CRD-35: grade C means limit 0; the downgrade withdraws the limit with the approval itself.
  return [
    approved,
    {
      type: 'CreditLimitAdjusted',
      data: {
        ...partyOf(s),
        adjustmentId: `grade-c:${proposal.proposalId}`,
        previousLimitFen: limitFen,
        limitFen: 0,
        exception: false,
        effectiveAt: ctx.now.toISOString(),
        policyVersion: ctx.policyVersion,
      },
    },
  ];
};
