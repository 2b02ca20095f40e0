import { DomainError } from '@crm/event-sourcing';
import type { EventStore, StoredEvent } from '@crm/event-store';
import {
  creditWarnings,
  invitationStreamId,
  jointEventStreamId,
  type InvitationConflictRuled,
  type InvitationConfirmed,
  type InvitationListFiled,
  type InvitationListFilingMissed,
  type InvitationWarning,
} from '@crm/invitations-domain';

export interface Explanation {
  readonly jointEventId: string;
  readonly customerId: string;
  readonly asOf: string | null;
  /** Who the customer counts for now, and why (the latest ruling, or the only confirmation). */
  readonly currentInviter: {
    readonly bu: string;
    readonly employeeId: string;
    readonly because: string;
  } | null;
  readonly confirmations: readonly Record<string, unknown>[];
  /** Every list that named the customer, and the missed lists of the claiming BUs' days. */
  readonly lists: readonly Record<string, unknown>[];
  readonly rulings: readonly Record<string, unknown>[];
  /** Credit warnings the inviters were given when confirming (domain §6; a warning, not a refusal). */
  readonly warnings: readonly InvitationWarning[];
  /** The invitation stream's full history with metadata: who, when, why, under which policy. */
  readonly history: readonly Record<string, unknown>[];
}

const read = async (store: EventStore, streamId: string, until?: Date): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId, until !== undefined ? { until } : {}))
    events.push(event);
  return events;
};

const audit = (event: StoredEvent) => ({
  recordedAt: event.recordedAt.toISOString(),
  actor: event.metadata.actor,
  policyVersion: event.metadata.policyVersion ?? null,
  eventId: event.id,
});

/**
 * Domain §7 "why": who confirmed the customer, which lists included it and when, every ruling with
 * its basis and policy version, as of any past instant (record time, decision 3).
 */
export class InvitationExplanations {
  constructor(private readonly store: EventStore) {}

  async explain(jointEventId: string, customerId: string, until?: Date): Promise<Explanation> {
    const [invitation, jointEvent] = await Promise.all([
      read(this.store, invitationStreamId(jointEventId, customerId), until),
      read(this.store, jointEventStreamId(jointEventId), until),
    ]);
    if (invitation.length === 0) {
      throw new DomainError(
        'not_found',
        'invitation.not_invited',
        'nobody confirmed this customer for this event',
        undefined,
        {
          jointEventId,
          customerId,
        },
      );
    }
    const confirmations = invitation
      .filter((e) => e.type === 'InvitationConfirmed')
      .map((e) => ({ ...(e.data as InvitationConfirmed['data']), ...audit(e) }));
    const claimed = new Set(confirmations.map((c) => `${c.bu}|${c.countsForDay}`));
    const lists = jointEvent.flatMap((e) => {
      if (e.type === 'InvitationListFiled') {
        const d = e.data as InvitationListFiled['data'];
        if (!d.confirmed.includes(customerId)) return [];
        return [
          {
            kind: 'filed',
            bu: d.bu,
            day: d.day,
            filedAt: d.filedAt,
            cutoffAt: d.cutoffAt,
            onTime: d.onTime,
            filedBy: d.filedBy,
            ...audit(e),
          },
        ];
      }
      if (e.type === 'InvitationListFilingMissed') {
        const d = e.data as InvitationListFilingMissed['data'];
        if (!claimed.has(`${d.bu}|${d.day}`)) return [];
        return [{ kind: 'missed', bu: d.bu, day: d.day, cutoffAt: d.cutoffAt, ...audit(e) }];
      }
      return [];
    });
    const rulings = invitation
      .filter(
        (e) =>
          e.type === 'InvitationConflictRuled' ||
          e.type === 'InvitationConflictEscalated' ||
          e.type === 'InvitationConflictDetected',
      )
      .map((e) => ({ type: e.type, ...e.data, ...audit(e) }));
    const lastRuling = [...invitation].reverse().find((e) => e.type === 'InvitationConflictRuled');
    const first = confirmations[0];
    const currentInviter =
      lastRuling !== undefined
        ? (() => {
            const d = lastRuling.data as InvitationConflictRuled['data'];
            return {
              bu: d.winnerBu,
              employeeId: d.winnerEmployeeId,
              because: `ruling with basis ${d.basis}`,
            };
          })()
        : first !== undefined
          ? { bu: first.bu, employeeId: first.employeeId, because: 'first and only confirmation' }
          : null;
    return {
      jointEventId,
      customerId,
      asOf: until?.toISOString() ?? null,
      currentInviter,
      confirmations,
      lists,
      rulings,
      warnings: creditWarnings(confirmations),
      history: invitation.map((e) => ({
        version: e.version,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        ...audit(e),
      })),
    };
  }
}
