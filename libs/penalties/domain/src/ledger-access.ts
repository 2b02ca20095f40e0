import type { Actor } from '@crm/event-sourcing';

/** Who sees the whole ledger and exports payroll: head office, audit and analysis. */
export const LEDGER_WIDE_ROLES = ['gm', 'cfo', 'chairman', 'auditor', 'analyst', 'admin'] as const;
/** Everyone else signed in sees their own fines (to appeal them); a BU manager sees the BU's. */
export const LEDGER_OWN_ROLES = [
  'staff',
  'cs_agent',
  'cs_manager',
  'handler',
  'marketing_vp',
  'credit_controller',
  'marketing_manager',
  'crm_clerk',
  'resource_director',
  'coordinator',
  'account_supervisor',
] as const;
/** In the order the platform's role guard grants them: the widest view first. */
export const LEDGER_READ_ROLES = [...LEDGER_WIDE_ROLES, 'bu_manager', ...LEDGER_OWN_ROLES];

export type LedgerScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'bu'; readonly bu: string }
  | { readonly kind: 'own'; readonly employeeId: string };

/** The part of the ledger an actor may read (the role is the one that granted access). */
export const ledgerScope = (actor: Actor): LedgerScope => {
  if ((LEDGER_WIDE_ROLES as readonly string[]).includes(actor.role)) return { kind: 'all' };
  if (actor.role === 'bu_manager' && actor.bu !== undefined) return { kind: 'bu', bu: actor.bu };
  return { kind: 'own', employeeId: actor.id };
};
