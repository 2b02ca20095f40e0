import { DomainError, type Actor } from '@crm/event-sourcing';

export interface Owner {
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
}

/** Whoever registers a customer owns it, in their BU (domain §2, ARC-20). */
export const ownerFromActor = (actor: Actor): Owner => {
  if (actor.bu === undefined || actor.bu.length === 0) {
    throw new DomainError(
      'forbidden',
      'customer.actor_without_bu',
      'only an employee of a business unit can register (and thereby own) a customer',
    );
  }
  return { ownerBu: actor.bu, ownerEmployeeId: actor.id };
};
