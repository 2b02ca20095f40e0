import type { StoredEvent } from '@crm/event-store';
import {
  defineProjection,
  type ProjectionContext,
  removeWorkItem,
  removeWorkItemsStartingWith,
  reviseWorkItem,
  upsertWorkItem,
  workItemsTable,
} from '@crm/projections';
import type {
  EventDisputeRecorded,
  EventDisputeResolved,
  InvitationConflictDetected,
  InvitationConflictEscalated,
  InvitationConflictRuled,
  InvitationListFiled,
  InvitationListFilingMissed,
  InvitationListsReleased,
  JointEventScheduled,
} from '@crm/invitations-domain';

/** Ids name the work, so the event that completes it finds the row (docs/work-items.md). */
const listDay = (jointEventId: string, day: string): string => `list:${jointEventId}:${day}:`;
const listId = (jointEventId: string, day: string, bu: string): string =>
  `${listDay(jointEventId, day)}${bu}`;
const conflictId = (jointEventId: string, customerId: string): string =>
  `conflict:${jointEventId}:${customerId}`;
const disputeId = (jointEventId: string, id: string): string => `dispute:${jointEventId}:${id}`;
const listsLink = (jointEventId: string): string => `/invitations/events/${jointEventId}/lists`;
const conflictsLink = (jointEventId: string): string => `/invitations/events/${jointEventId}/conflicts`;

/**
 * Every daily list a BU manager owes, due at the cut-off the event recorded when it was scheduled
 * (never recomputed here). A day's list shows from the previous day's cut-off, so the inbox holds
 * today's list, not the whole window. BUs after the first also owe the next day's planned list
 * (INV-01/02), filed with the same list.
 */
const scheduleLists = async (d: JointEventScheduled['data'], ctx: ProjectionContext): Promise<void> => {
  for (const [rank, bu] of d.businessUnits.entries()) {
    for (const [i, cutoff] of d.cutoffs.entries()) {
      const eventDay = cutoff.day === d.date;
      await upsertWorkItem(ctx, {
        id: listId(d.jointEventId, cutoff.day, bu),
        kind: 'listToFile',
        titleKey: 'workItems.invitations.listToFile',
        titleParams: {
          jointEventId: d.jointEventId,
          eventDate: d.date,
          slot: d.slot,
          venue: d.venue,
          day: cutoff.day,
          withPlannedList: rank > 0 && !eventDay,
        },
        dueAt: cutoff.cutoffAt,
        priority: eventDay ? 'high' : 'normal',
        link: listsLink(d.jointEventId),
        audience: { role: 'bu_manager', bu },
        visibleFrom: d.cutoffs[i - 1]?.cutoffAt ?? null,
      });
    }
  }
};

const conflictItem = (
  jointEventId: string,
  customerId: string,
  escalated: boolean,
): Parameters<typeof upsertWorkItem>[1] => ({
  id: conflictId(jointEventId, customerId),
  kind: escalated ? 'escalatedConflictToRule' : 'conflictToRule',
  titleKey: escalated
    ? 'workItems.invitations.escalatedConflictToRule'
    : 'workItems.invitations.conflictToRule',
  titleParams: { jointEventId, customerId },
  dueAt: null,
  priority: escalated ? 'high' : 'normal',
  link: conflictsLink(jointEventId),
  audience: { role: escalated ? 'gm' : 'coordinator' },
});

/**
 * The invitations inbox: lists to file (bu_manager of the BU), conflicts to rule (coordinator;
 * the GM once escalated, INV-13), disputes to settle (coordinator, INV-12).
 */
export const invitationWorkItemsProjection = defineProjection({
  name: 'invitation_work_items',
  version: 1,
  handles: [
    'JointEventScheduled',
    'InvitationListFiled',
    'InvitationListFilingMissed',
    'InvitationListsReleased',
    'InvitationConflictDetected',
    'InvitationConflictEscalated',
    'InvitationConflictRuled',
    'EventDisputeRecorded',
    'EventDisputeResolved',
  ],
  tables: [workItemsTable],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    switch (event.type) {
      case 'JointEventScheduled':
        return scheduleLists(event.data as JointEventScheduled['data'], ctx);
      case 'InvitationListFiled': {
        const d = event.data as InvitationListFiled['data'];
        return removeWorkItem(ctx, listId(d.jointEventId, d.day, d.bu));
      }
      case 'InvitationListFilingMissed': {
        const d = event.data as InvitationListFilingMissed['data'];
        return reviseWorkItem(ctx, listId(d.jointEventId, d.day, d.bu), {
          kind: 'lateListToFile',
          titleKey: 'workItems.invitations.lateListToFile',
          priority: 'high',
        });
      }
      case 'InvitationListsReleased': {
        // The day's lists went back to the BUs: a list still missing can no longer change them.
        const d = event.data as InvitationListsReleased['data'];
        return removeWorkItemsStartingWith(ctx, listDay(d.jointEventId, d.day));
      }
      case 'InvitationConflictDetected': {
        const d = event.data as InvitationConflictDetected['data'];
        if (!d.queuedForCoordinator) return;
        return upsertWorkItem(ctx, conflictItem(d.jointEventId, d.customerId, false));
      }
      case 'InvitationConflictEscalated': {
        const d = event.data as InvitationConflictEscalated['data'];
        return upsertWorkItem(ctx, conflictItem(d.jointEventId, d.customerId, true));
      }
      case 'InvitationConflictRuled': {
        const d = event.data as InvitationConflictRuled['data'];
        return removeWorkItem(ctx, conflictId(d.jointEventId, d.customerId));
      }
      case 'EventDisputeRecorded': {
        const d = event.data as EventDisputeRecorded['data'];
        return upsertWorkItem(ctx, {
          id: disputeId(d.jointEventId, d.disputeId),
          kind: 'disputeToResolve',
          titleKey: 'workItems.invitations.disputeToResolve',
          titleParams: { jointEventId: d.jointEventId, disputeId: d.disputeId, parties: d.parties.length },
          dueAt: null,
          priority: 'normal',
          link: `/invitations/events/${d.jointEventId}/disputes`,
          audience: { role: 'coordinator' },
        });
      }
      case 'EventDisputeResolved': {
        const d = event.data as EventDisputeResolved['data'];
        return removeWorkItem(ctx, disputeId(d.jointEventId, d.disputeId));
      }
    }
  },
});
