import { DomainError, deterministicUuid, type Decider } from '@crm/event-sourcing';
import type {
  FileInvitationList,
  JointEventCommand,
  RecordFilingCutoff,
  ResolveEventDispute,
  ScheduleJointEvent,
} from './joint-event.commands';
import type { FilingCutoff, FineIssued, JointEventEvent } from './joint-event.events';
import {
  cutoffOf,
  dayFiling,
  owesPlannedList,
  evolveJointEvent,
  initialJointEvent,
  type JointEventState,
  type ScheduledJointEvent,
} from './joint-event';
import { invalid, requireRole, type PolicyContext } from './invitation-context';
import type { InvitationPolicyParams } from './invitation-policy';
import { addDays, isDay, localDay, localInstant } from './shanghai-time';

export const SCHEDULING_ROLES = ['coordinator', 'gm'] as const;

/** Window days E-7 … E with their cut-offs: 18:00, and 10:00/16:00 on the event day (INV-01, INV-06). */
export const filingCutoffs = (
  date: string,
  slot: ScheduleJointEvent['data']['slot'],
  p: InvitationPolicyParams,
): FilingCutoff[] => {
  const cutoffs: FilingCutoff[] = [];
  for (let offset = -p.filingWindowDays; offset <= 0; offset++) {
    const day = addDays(date, offset);
    const time = offset === 0 ? p.eventDayCutoff[slot] : p.dailyCutoff;
    cutoffs.push({ day, cutoffAt: localInstant(day, time, p).toISOString() });
  }
  return cutoffs;
};

const requireScheduled = (state: JointEventState): ScheduledJointEvent => {
  if (state.status !== 'scheduled') {
    throw new DomainError('not_found', 'invitation.joint_event_not_found', 'no such joint event');
  }
  return state;
};

const decideSchedule = (
  command: ScheduleJointEvent,
  state: JointEventState,
  context: PolicyContext,
): JointEventEvent[] => {
  requireRole(context, SCHEDULING_ROLES, 'schedule a joint event');
  if (state.status !== 'none') {
    throw new DomainError(
      'conflict',
      'invitation.joint_event_exists',
      'this joint event is already scheduled',
    );
  }
  const d = command.data;
  const p = context.policy.params;
  if (!isDay(d.date))
    throw invalid('invitation.invalid_date', 'date must be a day YYYY-MM-DD', { field: 'date' });
  const units = new Set(d.businessUnits);
  if (units.size < 2 || units.size !== d.businessUnits.length) {
    throw invalid('invitation.business_units_invalid', 'a joint event needs two or more distinct BUs', {
      field: 'businessUnits',
    });
  }
  if (d.date <= localDay(context.now, p)) {
    throw new DomainError(
      'rule',
      'invitation.event_not_in_future',
      'a joint event is scheduled for a later day',
      'INV-01',
      {
        date: d.date,
      },
    );
  }
  // Scheduled late (inside the window): no list is due for a cut-off already past, and the window
  // opens with the first day whose cut-off is still ahead.
  const cutoffs = filingCutoffs(d.date, d.slot, p).filter(
    (c) => Date.parse(c.cutoffAt) > context.now.getTime(),
  );
  return [
    {
      type: 'JointEventScheduled',
      data: {
        jointEventId: d.jointEventId,
        date: d.date,
        slot: d.slot,
        venue: d.venue,
        businessUnits: d.businessUnits,
        coordinatorId: d.coordinatorId,
        windowOpensOn: cutoffs[0]?.day ?? d.date,
        cutoffs,
        scheduledBy: context.actor.id,
        scheduledAt: context.now.toISOString(),
        policyVersion: context.policy.version,
      },
    },
  ];
};

/**
 * INV-07, 10 yuan (policy) per late or missing list, once per (BU, day, list). The planned list
 * (`list: 'planned'`) is a list of its own — INV-01 names two lists — so a late or missing one is an
 * occurrence of its own, fined like a daily list.
 */
const listFine = (
  state: ScheduledJointEvent,
  bu: string,
  day: string,
  context: PolicyContext,
  employeeId: string | undefined,
  reason: string,
  list?: 'planned',
): FineIssued => ({
  type: 'FineIssued',
  data: {
    fineId: deterministicUuid('fine', state.jointEventId, list ?? 'list', bu, day),
    jointEventId: state.jointEventId,
    bu,
    ...(employeeId !== undefined ? { employeeId } : {}),
    role: 'bu_manager',
    amountFen: context.policy.params.lateListFineFen,
    rule: 'INV-07',
    reason,
    day,
    ...(list !== undefined ? { list } : {}),
    issuedAt: context.now.toISOString(),
    policyVersion: context.policy.version,
  },
});

const decideFile = (
  command: FileInvitationList,
  state: JointEventState,
  context: PolicyContext,
): JointEventEvent[] => {
  const event = requireScheduled(state);
  requireRole(context, ['bu_manager'], 'file an invitation list');
  const { bu, day, confirmed, planned } = command.data;
  if (context.actor.bu !== bu) {
    throw new DomainError(
      'forbidden',
      'invitation.not_own_bu',
      'a manager files the lists of their own BU',
      'INV-01',
      {
        bu,
      },
    );
  }
  const priority = event.businessUnits.indexOf(bu);
  if (priority < 0) {
    throw new DomainError(
      'forbidden',
      'invitation.bu_not_participating',
      `${bu} does not take part in this event`,
      undefined,
      {
        bu,
      },
    );
  }
  const cutoff = cutoffOf(event, day);
  if (cutoff === undefined) {
    throw new DomainError(
      'rule',
      'invitation.not_a_window_day',
      `${day} is not a day of the filing window`,
      'INV-01',
      {
        day,
        windowOpensOn: event.windowOpensOn,
        eventDate: event.date,
      },
    );
  }
  if (day > localDay(context.now, context.policy.params)) {
    throw new DomainError(
      'rule',
      'invitation.list_for_future_day',
      'a daily list is filed on or after its day',
      'INV-01',
      {
        day,
      },
    );
  }
  const onTime = context.now.getTime() <= Date.parse(cutoff.cutoffAt);
  const events: JointEventEvent[] = [
    {
      type: 'InvitationListFiled',
      data: {
        jointEventId: event.jointEventId,
        bu,
        day,
        confirmed: [...new Set(confirmed)],
        ...(planned !== undefined ? { planned: [...new Set(planned)] } : {}),
        filedBy: context.actor.id,
        filedAt: context.now.toISOString(),
        cutoffAt: cutoff.cutoffAt,
        onTime,
        policyVersion: context.policy.version,
      },
    },
  ];
  const filing = dayFiling(event, bu, day);
  const hadOnTime = filing.filings.some((f) => f.onTime);
  if (!onTime && !hadOnTime && !filing.fined) {
    events.push(
      listFine(event, bu, day, context, context.actor.id, `list of ${day} filed after its cut-off`),
    );
  }
  // A planned list may come with the daily list or in a later filing of the day; only the cut-off
  // matters (checked by the timer). One that comes late is fined here unless the timer already did.
  if (
    !onTime &&
    planned !== undefined &&
    owesPlannedList(event, bu, day) &&
    !filing.plannedOnTime &&
    !filing.plannedFined
  ) {
    events.push(
      listFine(
        event,
        bu,
        day,
        context,
        context.actor.id,
        `planned list for ${addDays(day, 1)} filed after its cut-off`,
        'planned',
      ),
    );
  }
  return events;
};

const decideCutoff = (
  command: RecordFilingCutoff,
  state: JointEventState,
  context: PolicyContext,
): JointEventEvent[] => {
  const event = requireScheduled(state);
  const { day } = command.data;
  const cutoff = cutoffOf(event, day);
  if (cutoff === undefined || event.cutoffsReached.includes(day)) return [];
  if (context.now.getTime() < Date.parse(cutoff.cutoffAt)) {
    throw new DomainError(
      'rule',
      'invitation.cutoff_not_reached',
      `the cut-off of ${day} is still ahead`,
      'INV-01',
    );
  }
  const missing = event.businessUnits.filter(
    (bu) => !dayFiling(event, bu, day).filings.some((f) => f.onTime),
  );
  const events: JointEventEvent[] = [
    {
      type: 'FilingCutoffReached',
      data: {
        jointEventId: event.jointEventId,
        day,
        cutoffAt: cutoff.cutoffAt,
        missingBusinessUnits: missing,
      },
    },
  ];
  for (const bu of missing) {
    const filing = dayFiling(event, bu, day);
    if (filing.filings.length > 0) continue; // filed late already: recorded and fined then
    events.push({
      type: 'InvitationListFilingMissed',
      data: {
        jointEventId: event.jointEventId,
        bu,
        day,
        cutoffAt: cutoff.cutoffAt,
        policyVersion: context.policy.version,
      },
    });
    if (!filing.fined)
      events.push(listFine(event, bu, day, context, undefined, `no list of ${day} by its cut-off`));
  }
  for (const bu of event.businessUnits.filter((b) => owesPlannedList(event, b, day))) {
    const filing = dayFiling(event, bu, day);
    // On time, or filed late before the timer ran (recorded and fined with that filing).
    if (filing.plannedFiled) continue;
    const plannedFor = addDays(day, 1);
    if (!filing.plannedMissed) {
      events.push({
        type: 'PlannedListFilingMissed',
        data: {
          jointEventId: event.jointEventId,
          bu,
          day,
          plannedFor,
          cutoffAt: cutoff.cutoffAt,
          policyVersion: context.policy.version,
        },
      });
    }
    if (!filing.plannedFined) {
      events.push(
        listFine(
          event,
          bu,
          day,
          context,
          undefined,
          `no planned list for ${plannedFor} by its cut-off`,
          'planned',
        ),
      );
    }
  }
  return events;
};

const decideResolveDispute = (
  command: ResolveEventDispute,
  state: JointEventState,
  context: PolicyContext,
): JointEventEvent[] => {
  const event = requireScheduled(state);
  requireRole(context, ['coordinator'], 'resolve an event dispute');
  const d = command.data;
  const dispute = event.disputes[d.disputeId];
  if (dispute === undefined) {
    throw new DomainError('not_found', 'invitation.dispute_not_found', 'no such dispute', undefined, {
      disputeId: d.disputeId,
    });
  }
  if (dispute.resolved) {
    throw new DomainError(
      'conflict',
      'invitation.dispute_resolved',
      'the dispute is already resolved',
      'INV-12',
    );
  }
  if (new Set(d.managerIds).size < 2) {
    throw new DomainError(
      'rule',
      'invitation.both_managers_required',
      'both BU managers settle a dispute with the coordinator',
      'INV-12',
    );
  }
  const events: JointEventEvent[] = [
    {
      type: 'EventDisputeResolved',
      data: {
        jointEventId: event.jointEventId,
        disputeId: d.disputeId,
        resolution: d.resolution,
        coordinatorId: context.actor.id,
        managerIds: d.managerIds,
        quarrelled: d.quarrelled,
        resolvedAt: context.now.toISOString(),
        policyVersion: context.policy.version,
      },
    },
  ];
  for (const party of d.quarrelled) {
    events.push({
      type: 'FineIssued',
      data: {
        fineId: deterministicUuid('fine', event.jointEventId, 'quarrel', d.disputeId, party.employeeId),
        jointEventId: event.jointEventId,
        bu: party.bu,
        employeeId: party.employeeId,
        role: 'staff',
        amountFen: context.policy.params.quarrelFineFen,
        rule: 'INV-12',
        reason: 'quarrelled in front of customers',
        disputeId: d.disputeId,
        issuedAt: context.now.toISOString(),
        policyVersion: context.policy.version,
      },
    });
  }
  return events;
};

export const decideJointEvent = (
  command: JointEventCommand,
  state: JointEventState,
  context: PolicyContext,
): readonly JointEventEvent[] => {
  switch (command.type) {
    case 'ScheduleJointEvent':
      return decideSchedule(command, state, context);
    case 'FileInvitationList':
      return decideFile(command, state, context);
    case 'RecordFilingCutoff':
      return decideCutoff(command, state, context);
    case 'RemindListsDue': {
      // Reminds the BUs still without an on-time list; nothing once the cut-off passed or all filed.
      const event = requireScheduled(state);
      const cutoff = cutoffOf(event, command.data.day);
      if (cutoff === undefined || event.cutoffsReached.includes(command.data.day)) return [];
      if (context.now.getTime() >= Date.parse(cutoff.cutoffAt)) return [];
      const missing = event.businessUnits.filter(
        (bu) => !dayFiling(event, bu, command.data.day).filings.some((f) => f.onTime),
      );
      if (missing.length === 0) return [];
      return [
        {
          type: 'InvitationListsDueSoon',
          data: {
            jointEventId: event.jointEventId,
            day: command.data.day,
            cutoffAt: cutoff.cutoffAt,
            businessUnits: missing,
          },
        },
      ];
    }
    case 'ReleaseInvitationLists': {
      const event = requireScheduled(state);
      const { day } = command.data;
      if (event.released.includes(day) || cutoffOf(event, day) === undefined) return [];
      const filedBy = event.businessUnits.filter((bu) => dayFiling(event, bu, day).filings.length > 0);
      return [
        {
          type: 'InvitationListsReleased',
          data: { jointEventId: event.jointEventId, day, filedBy, releasedAt: context.now.toISOString() },
        },
      ];
    }
    case 'RecordEventDispute': {
      const event = requireScheduled(state);
      const d = command.data;
      if (event.disputes[d.disputeId] !== undefined) return [];
      if (d.parties.length < 2) {
        throw invalid('invitation.dispute_parties', 'a dispute has at least two parties', {
          field: 'parties',
        });
      }
      return [
        {
          type: 'EventDisputeRecorded',
          data: {
            jointEventId: event.jointEventId,
            disputeId: d.disputeId,
            ...(d.customerId !== undefined ? { customerId: d.customerId } : {}),
            parties: d.parties,
            description: d.description,
            recordedBy: context.actor.id,
            recordedAt: context.now.toISOString(),
          },
        },
      ];
    }
    case 'ResolveEventDispute':
      return decideResolveDispute(command, state, context);
  }
};

export const jointEventDecider: Decider<JointEventCommand, JointEventEvent, JointEventState, PolicyContext> =
  {
    initialState: initialJointEvent,
    decide: decideJointEvent,
    evolve: evolveJointEvent,
  };
