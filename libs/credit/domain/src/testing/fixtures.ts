import type { Actor } from '@crm/event-sourcing';
import { CREDIT_POLICY_V1 } from '../credit-policy';
import type { CreditDecisionContext } from '../credit-context';
import { DOSSIER_SECTIONS, type DossierSections, type RatingFacts } from '../dossier';
import type { CreditAccountEvent } from '../credit-account.events';
import type { GrantType } from '../grant-table';
import type { Grade } from '../rating';

export const ACCOUNT = 'acc-1';
/** 2026-07-15 10:00 Shanghai: the six full months before are 2026-01 .. 2026-06. */
export const NOW = new Date('2026-07-15T02:00:00.000Z');

export const as = (role: string, id = `${role}-1`): Actor => ({ id, role, bu: 'bu-credit' });

export const ctx = (role = 'marketing_manager', now: Date = NOW, id?: string): CreditDecisionContext => ({
  actor: as(role, id),
  now,
  commandId: `cmd-${role}`,
  correlationId: 'corr-1',
  policy: CREDIT_POLICY_V1,
  policyVersion: 'v1',
});

export const allSections = (): DossierSections =>
  Object.fromEntries(DOSSIER_SECTIONS.map((s) => [s, { content: `${s} facts`, source: 'own_records' }]));

const sixMonths = (shipmentsFen: number, collectionsFen: number) =>
  ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((month) => ({
    month,
    shipmentsFen,
    collectionsFen,
  }));

/** An A counterparty: every CRD-22 criterion, long relationship, averages 100,000 / 80,000 fen. */
export const aFacts = (overrides: Partial<RatingFacts> = {}): RatingFacts => ({
  relationshipSince: '2020-01-01',
  lawfulAndKeepsPromises: true,
  goodOperationYears: 3,
  strongCapital: true,
  collectionTargetsMet: true,
  redFlags: [],
  priorCreditHistory: true,
  monthlyFigures: sixMonths(100_000, 80_000),
  ...overrides,
});

export const opened = (): CreditAccountEvent => ({
  type: 'CreditAccountOpened',
  data: {
    accountId: ACCOUNT,
    counterpartyKind: 'customer',
    customerId: ACCOUNT,
    openedAt: '2026-01-01T00:00:00.000Z',
  },
});

/** Submitted, reviewed and filed at `filedAt` (stale a quarter later). */
export const filedDossier = (
  facts: RatingFacts = aFacts(),
  filedAt = '2026-07-01T02:00:00.000Z',
  staleAt = '2026-10-01T02:00:00.000Z',
  sections: DossierSections = allSections(),
): CreditAccountEvent[] => [
  {
    type: 'DossierSubmitted',
    data: {
      accountId: ACCOUNT,
      dossierVersion: 1,
      sections,
      missingSections: DOSSIER_SECTIONS.filter((s) => sections[s] === undefined),
      facts,
      authorId: 'account_supervisor-1',
      submittedAt: filedAt,
    },
  },
  {
    type: 'DossierReviewed',
    data: { accountId: ACCOUNT, dossierVersion: 1, reviewerId: 'marketing_manager-1', findings: 'ok' },
  },
  {
    type: 'DossierFiled',
    data: {
      accountId: ACCOUNT,
      dossierVersion: 1,
      filedBy: 'credit_controller-1',
      filedAt,
      staleAt,
      policyVersion: 'v1',
    },
  },
];

export const gradeApproved = (grade: Grade): CreditAccountEvent => ({
  type: 'GradeApproved',
  data: {
    accountId: ACCOUNT,
    proposalId: 'p-1',
    grade,
    approvedBy: 'gm-1',
    approvedAt: '2026-07-02T02:00:00.000Z',
    policyVersion: 'v1',
  },
});

export const collateral = (valueFen: number): CreditAccountEvent => ({
  type: 'CollateralRegistered',
  data: {
    accountId: ACCOUNT,
    collateralId: 'col-1',
    kind: 'property_mortgage',
    valueFen,
    registeredAt: '2026-07-03T00:00:00.000Z',
    registeredBy: 'credit_controller-1',
  },
});

export const limitGranted = (
  limitFen: number,
  termDays = 30,
  type: GrantType = 'long_term',
): CreditAccountEvent => ({
  type: 'CreditLimitGranted',
  data: {
    accountId: ACCOUNT,
    grantId: 'g-1',
    grade: 'A',
    type,
    limitFen,
    termDays,
    previousLimitFen: 0,
    effectiveAt: '2026-07-05T00:00:00.000Z',
    policyVersion: 'v1',
  },
});

/** An open A account with a filed current dossier and an effective limit. */
export const creditWorthy = (limitFen = 50_000, grade: Grade = 'A'): CreditAccountEvent[] => [
  opened(),
  ...filedDossier(),
  gradeApproved(grade),
  limitGranted(limitFen),
];

export const approvedSale = (orderId: string, amountFen: number): CreditAccountEvent => ({
  type: 'CreditSaleApproved',
  data: {
    accountId: ACCOUNT,
    orderId,
    kind: 'credit_sale',
    amountFen,
    snapshot: { exposureFen: 0, limitFen: 0, grade: 'A', overdueItems: [], previousBalanceOpenFen: 0 },
    decidedAt: '2026-07-06T00:00:00.000Z',
    policyVersion: 'v1',
  },
});

export const invoiced = (
  orderId: string,
  amountFen: number,
  shippedAt: string,
  dueAt: string,
): CreditAccountEvent[] => [
  approvedSale(orderId, amountFen),
  {
    type: 'InvoiceIssued',
    data: {
      accountId: ACCOUNT,
      invoiceId: orderId,
      orderId,
      amountFen,
      shippedAt,
      termDays: 30,
      dueAt,
      creditAppliedFen: 0,
    },
  },
];
