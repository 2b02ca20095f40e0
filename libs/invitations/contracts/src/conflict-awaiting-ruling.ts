import { readPayload } from '@crm/contract-fields';

export const INVITATION_CONFLICT_AWAITING_RULING = 'InvitationConflictAwaitingRuling';

export const CONFLICT_RULERS_V1 = ['coordinator', 'gm'] as const;
export type ConflictRulerV1 = (typeof CONFLICT_RULERS_V1)[number];

/**
 * Two BUs claim the customer for a joint event and no rule decides it: it waits for a person to
 * rule, the coordinator (INV-08) or, once escalated, the GM (INV-13).
 */
export type InvitationConflictAwaitingRulingV1 = {
  readonly jointEventId: string;
  readonly customerId: string;
  readonly ruler: ConflictRulerV1;
  readonly awaitingSince: string;
};

export const parseInvitationConflictAwaitingRulingV1 = (
  data: unknown,
): InvitationConflictAwaitingRulingV1 => {
  const r = readPayload(INVITATION_CONFLICT_AWAITING_RULING, data);
  return {
    jointEventId: r.text('jointEventId'),
    customerId: r.text('customerId'),
    ruler: r.oneOf('ruler', CONFLICT_RULERS_V1),
    awaitingSince: r.instant('awaitingSince'),
  };
};
