import type { Actor } from '@crm/event-sourcing';
import type { StoredEvent } from '@crm/event-store';
import type { CustomerEvent } from '@crm/customers-domain';

/** One link in the chain of ownership decisions (domain §7: "why does this BU own this customer?"). */
export interface OwnershipDecision {
  readonly eventId: string;
  readonly decision: 'registered' | 'ownership_changed' | 'dispute_ruled' | 'lapsed' | 'lapse_cleared';
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly rule: string;
  readonly basis: Readonly<Record<string, unknown>>;
  readonly policyVersion?: string;
  readonly reason?: string;
  readonly ownerBu: string;
  readonly ownerEmployeeId: string;
}

type Link = Omit<OwnershipDecision, 'eventId' | 'at' | 'recordedAt' | 'actor'>;

const linkFor = (event: CustomerEvent): Link | undefined => {
  switch (event.type) {
    case 'CustomerRegistered':
      return {
        decision: 'registered',
        rule: 'ARC-20',
        basis: {
          registeredAt: event.data.registeredAt,
          source: event.data.source,
          firstRegistrationWins: true,
        },
        ownerBu: event.data.ownerBu,
        ownerEmployeeId: event.data.ownerEmployeeId,
      };
    case 'CustomerOwnershipChanged':
      return {
        decision: 'ownership_changed',
        rule: event.data.rule,
        basis: { ...event.data.basis, fromBu: event.data.fromBu, fromEmployeeId: event.data.fromEmployeeId },
        policyVersion: event.data.policyVersion,
        reason: event.data.reason,
        ownerBu: event.data.toBu,
        ownerEmployeeId: event.data.toEmployeeId,
      };
    case 'OwnershipDisputeRuled':
      return undefined; // shown with the owner it left in place, below
    case 'CustomerServiceLapsed':
      return {
        decision: 'lapsed',
        rule: 'ARC-70',
        basis: { lastServiceAt: event.data.lastServiceAt, lapseAfterMonths: event.data.lapseAfterMonths },
        policyVersion: event.data.policyVersion,
        ownerBu: event.data.ownerBu,
        ownerEmployeeId: event.data.ownerEmployeeId,
      };
    default:
      return undefined;
  }
};

/**
 * The chain of ownership decisions read from the customer's own stream: registration, every change
 * of hands with its reason, rule, basis and policy version, dispute rulings and lapses, each with
 * the actor who decided. Nothing here is personal data.
 */
export const explainOwnership = (history: readonly StoredEvent[]): OwnershipDecision[] => {
  const chain: OwnershipDecision[] = [];
  let owner = { ownerBu: '', ownerEmployeeId: '' };
  for (const stored of history) {
    const event = { type: stored.type, data: stored.data } as CustomerEvent;
    const common = {
      eventId: stored.id,
      at: stored.metadata.businessTime,
      recordedAt: stored.recordedAt.toISOString(),
      actor: stored.metadata.actor,
    };
    if (event.type === 'OwnershipDisputeRuled') {
      chain.push({
        ...common,
        decision: 'dispute_ruled',
        rule: event.data.rule,
        basis: { ...event.data.basis, winner: event.data.winner, claimantBu: event.data.claimantBu },
        ...owner,
      });
      continue;
    }
    if (event.type === 'CustomerLapseCleared') {
      chain.push({
        ...common,
        decision: 'lapse_cleared',
        rule: 'ARC-70',
        basis: { clearedAt: event.data.clearedAt },
        ...owner,
      });
      continue;
    }
    const link = linkFor(event);
    if (link === undefined) continue;
    owner = { ownerBu: link.ownerBu, ownerEmployeeId: link.ownerEmployeeId };
    chain.push({ ...common, ...link });
  }
  return chain;
};
