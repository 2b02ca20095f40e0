/** Domain §4.1: what a case is about and how it came in. */
export const CASE_KINDS = ['inquiry', 'suggestion', 'complaint', 'grievance'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** `executive`: a complaint made to the general manager (CMP-31, CMP-40). */
export const CASE_CHANNELS = ['hotline', 'letter', 'visit', 'web', 'executive'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_CAUSES = [
  'service_lapse',
  'staff_conduct',
  'attitude',
  'inter_bu_dispute',
  'product_quality',
  'other',
] as const;
export type CaseCause = (typeof CASE_CAUSES)[number];

export const SEVERITIES = ['general', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a resolution may promise; allowance and return settle through the credit service. */
export const RESOLUTION_ITEM_KINDS = [
  'apology',
  'repair',
  'compensation',
  'allowance',
  'return',
  'other',
] as const;
export type ResolutionItemKind = (typeof RESOLUTION_ITEM_KINDS)[number];

export const APPROVER_ROLES = ['cs_manager', 'bu_manager', 'gm'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/** Escalation ladder after a rejected reply (CMP-ESC-B5-02). */
export const ESCALATION_LEVELS = ['handler', 'bu_manager', 'gm'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Resolution kinds that are worth something and need approval by amount (CMP-APR-07). */
export const isMonetary = (kind: ResolutionItemKind): boolean =>
  kind === 'compensation' || kind === 'allowance' || kind === 'return';
