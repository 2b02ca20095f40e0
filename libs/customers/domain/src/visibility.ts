import type { Actor } from '@crm/event-sourcing';

export type PersonalDataVisibility = 'full' | 'masked';

/**
 * Domain §2.9: the owning BU sees the customer's personal data, other BUs see it masked. (Opening
 * a lapsed customer to other BUs comes with the lapse rules.)
 */
export const personalDataVisibility = (
  owner: { readonly ownerBu: string },
  actor: Actor,
): PersonalDataVisibility => (actor.bu !== undefined && actor.bu === owner.ownerBu ? 'full' : 'masked');
