import type { Actor } from '@crm/event-sourcing';

export type PersonalDataVisibility = 'full' | 'masked';

/**
 * Domain §2.9: the owning BU sees the customer's personal data, other BUs see it masked unless the
 * customer lapsed and is open to them (ARC-70, INV-14).
 */
export const personalDataVisibility = (
  owner: { readonly ownerBu: string; readonly lapsed?: boolean },
  actor: Actor,
): PersonalDataVisibility => {
  if (actor.bu === undefined) return 'masked';
  return actor.bu === owner.ownerBu || owner.lapsed === true ? 'full' : 'masked';
};
