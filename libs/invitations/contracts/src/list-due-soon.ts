import { readPayload } from '@crm/contract-fields';

export const INVITATION_LIST_DUE_SOON = 'InvitationListDueSoon';

/**
 * A day's list cut-off is within the hour and `businessUnits` have no on-time list yet: their BU
 * managers are to be reminded (INV-01, INV-07: a late list is fined).
 */
export type InvitationListDueSoonV1 = {
  readonly jointEventId: string;
  readonly day: string;
  readonly cutoffAt: string;
  readonly businessUnits: readonly string[];
};

export const parseInvitationListDueSoonV1 = (data: unknown): InvitationListDueSoonV1 => {
  const r = readPayload(INVITATION_LIST_DUE_SOON, data);
  return {
    jointEventId: r.text('jointEventId'),
    day: r.day('day'),
    cutoffAt: r.instant('cutoffAt'),
    businessUnits: r.textList('businessUnits'),
  };
};
