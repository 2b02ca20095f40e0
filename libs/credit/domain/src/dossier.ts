/** The eight sections of the credit investigation form (CRD-11). */
export const DOSSIER_SECTIONS = [
  'basic_data',
  'shareholders_and_legal_representative',
  'bank_accounts',
  'operations',
  'finances',
  'dealings_with_us',
  'credit_record',
  'other',
] as const;
export type DossierSection = (typeof DOSSIER_SECTIONS)[number];

/** Where an item came from (CRD-12), recorded per section for audit. */
export const DOSSIER_SOURCES = [
  'customer_documents',
  'contact_and_observation',
  'authority_or_bank_enquiry',
  'own_records',
  'commissioned_intermediary',
  'other',
] as const;
export type DossierSource = (typeof DOSSIER_SOURCES)[number];

export type DossierSectionEntry = {
  readonly content: string;
  readonly source: DossierSource;
};

/** The C red flags of CRD-23 other than the dated bad-debt record. */
export const RED_FLAGS = [
  'broken_promises',
  'debt_disputes_or_asset_transfers',
  'weak_capital',
  'losses_or_falling_sales',
  'serious_fall_or_unfair_conduct',
  'illegal_operation',
  'ordered_to_suspend',
  'accounts_at_risk_of_freezing',
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

/** Monthly dealings with us from our own records (CRD-12 source 4), the base of the limit averages. */
export type MonthlyFigures = {
  readonly month: string;
  readonly shipmentsFen: number;
  readonly collectionsFen: number;
};

/**
 * The facts the rating is computed from (CRD-22/23). Stored with the dossier and copied into the
 * grade proposal, so the computation can be replayed from the event alone.
 */
export type RatingFacts = {
  /** Start of business dealings with us (ISO date or instant). */
  readonly relationshipSince: string;
  /** Last bad debt, owed goods or serious breach with us, if any. */
  readonly lastBadDebtOrBreachAt?: string;
  readonly lawfulAndKeepsPromises: boolean;
  /** Consecutive years of good operating condition up to now. */
  readonly goodOperationYears: number;
  readonly strongCapital: boolean;
  readonly collectionTargetsMet: boolean;
  readonly redFlags: readonly RedFlag[];
  /** Prior prepayment or credit-sale dealings before this system (CRD-32/33 "credit history"). */
  readonly priorCreditHistory: boolean;
  readonly monthlyFigures: readonly MonthlyFigures[];
};

export type DossierSections = Partial<Readonly<Record<DossierSection, DossierSectionEntry>>>;

export const missingSections = (sections: DossierSections): DossierSection[] =>
  DOSSIER_SECTIONS.filter((s) => (sections[s]?.content ?? '').trim().length === 0);
