import type { ConflictStatus } from '@/features/invitations/api/types';

/** A button's state: `reason` is an i18n key (invitations namespace) shown as its tooltip. */
export interface Can {
  readonly can: boolean;
  readonly reason?: string;
}

export interface ConflictActions {
  readonly rule: Can;
  readonly escalate: Can;
  readonly finalRuling: Can;
}

const no = (reason: string): Can => ({ can: false, reason });
const yes: Can = { can: true };

/**
 * What the person may do with a conflict in its current status (INV-08/13): the coordinator rules
 * or escalates until the GM has it; the GM's ruling is final. A convenience; the service decides.
 */
export const conflictActions = (
  status: ConflictStatus,
  access: { readonly canRuleConflicts: boolean; readonly canGiveFinalRuling: boolean },
): ConflictActions => {
  const coordinator = access.canRuleConflicts && !access.canGiveFinalRuling;
  const coordinatorCan = (): Can => {
    if (!coordinator) return no('policy.coordinatorOnly');
    if (status === 'final') return no('policy.final');
    if (status === 'escalated') return no('policy.withGm');
    return yes;
  };
  const finalRuling = !access.canGiveFinalRuling
    ? no('policy.gmOnly')
    : status === 'final'
      ? no('policy.final')
      : yes;
  return { rule: coordinatorCan(), escalate: coordinatorCan(), finalRuling };
};
