import type { DisputeParty, EventSlot, FilingCutoff, JointEventEvent } from './joint-event.events';

/** What the filings of one BU for one day established. */
export type DayFiling = {
  /** Customers listed by filings at or before the cut-off (amendments add to it). */
  readonly onTimeCustomers: readonly string[];
  /** Every customer any filing of the day named, on time or late. */
  readonly listedCustomers: readonly string[];
  /** Next day's planned list (INV-01/02), from the latest filing that carried one. */
  readonly planned: readonly string[];
  /** A filing at or before the cut-off carried the planned list. */
  readonly plannedOnTime: boolean;
  /** Any filing of the day, on time or late, carried the planned list. */
  readonly plannedFiled: boolean;
  readonly plannedMissed: boolean;
  readonly plannedFined: boolean;
  readonly filings: readonly { readonly filedAt: string; readonly onTime: boolean }[];
  readonly missed: boolean;
  readonly fined: boolean;
};

export type Dispute = {
  readonly disputeId: string;
  readonly parties: readonly DisputeParty[];
  readonly customerId?: string;
  readonly resolved: boolean;
};

export type ScheduledJointEvent = {
  readonly status: 'scheduled';
  readonly jointEventId: string;
  readonly date: string;
  readonly slot: EventSlot;
  readonly venue: string;
  readonly businessUnits: readonly string[];
  readonly coordinatorId: string;
  readonly windowOpensOn: string;
  readonly cutoffs: readonly FilingCutoff[];
  readonly policyVersion: string;
  /** `filings[bu][day]` */
  readonly filings: Readonly<Record<string, Readonly<Record<string, DayFiling>>>>;
  readonly cutoffsReached: readonly string[];
  readonly released: readonly string[];
  readonly disputes: Readonly<Record<string, Dispute>>;
};

export type JointEventState = { readonly status: 'none' } | ScheduledJointEvent;

export const initialJointEvent = (): JointEventState => ({ status: 'none' });

const EMPTY_DAY: DayFiling = {
  onTimeCustomers: [],
  listedCustomers: [],
  planned: [],
  plannedOnTime: false,
  plannedFiled: false,
  plannedMissed: false,
  plannedFined: false,
  filings: [],
  missed: false,
  fined: false,
};

export const dayFiling = (state: ScheduledJointEvent, bu: string, day: string): DayFiling =>
  state.filings[bu]?.[day] ?? EMPTY_DAY;

/** INV-01/02: every BU after the first owes, on each window day before the event, the next day's plan. */
export const owesPlannedList = (state: ScheduledJointEvent, bu: string, day: string): boolean =>
  state.businessUnits.indexOf(bu) > 0 && day < state.date;

export const cutoffOf = (state: ScheduledJointEvent, day: string): FilingCutoff | undefined =>
  state.cutoffs.find((c) => c.day === day);

const withDay = (
  state: ScheduledJointEvent,
  bu: string,
  day: string,
  change: (d: DayFiling) => DayFiling,
): ScheduledJointEvent => ({
  ...state,
  filings: { ...state.filings, [bu]: { ...state.filings[bu], [day]: change(dayFiling(state, bu, day)) } },
});

const union = (a: readonly string[], b: readonly string[]): readonly string[] => [...new Set([...a, ...b])];

/** Total: events that do not fit the state leave it unchanged. */
export const evolveJointEvent = (state: JointEventState, event: JointEventEvent): JointEventState => {
  if (event.type === 'JointEventScheduled') {
    if (state.status !== 'none') return state;
    const d = event.data;
    return {
      status: 'scheduled',
      jointEventId: d.jointEventId,
      date: d.date,
      slot: d.slot,
      venue: d.venue,
      businessUnits: d.businessUnits,
      coordinatorId: d.coordinatorId,
      windowOpensOn: d.windowOpensOn,
      cutoffs: d.cutoffs,
      policyVersion: d.policyVersion,
      filings: {},
      cutoffsReached: [],
      released: [],
      disputes: {},
    };
  }
  if (state.status !== 'scheduled') return state;
  switch (event.type) {
    case 'InvitationListFiled': {
      const d = event.data;
      return withDay(state, d.bu, d.day, (day) => ({
        ...day,
        onTimeCustomers: d.onTime ? union(day.onTimeCustomers, d.confirmed) : day.onTimeCustomers,
        listedCustomers: union(day.listedCustomers, d.confirmed),
        planned: d.planned ?? day.planned,
        plannedOnTime: day.plannedOnTime || (d.onTime && d.planned !== undefined),
        plannedFiled: day.plannedFiled || d.planned !== undefined,
        filings: [...day.filings, { filedAt: d.filedAt, onTime: d.onTime }],
      }));
    }
    case 'InvitationListFilingMissed':
      return withDay(state, event.data.bu, event.data.day, (day) => ({ ...day, missed: true }));
    case 'PlannedListFilingMissed':
      return withDay(state, event.data.bu, event.data.day, (day) => ({ ...day, plannedMissed: true }));
    case 'FineIssued': {
      const { day, list } = event.data;
      if (day === undefined) return state;
      return withDay(state, event.data.bu, day, (d) =>
        list === 'planned' ? { ...d, plannedFined: true } : { ...d, fined: true },
      );
    }
    case 'FilingCutoffReached':
      return { ...state, cutoffsReached: union(state.cutoffsReached, [event.data.day]) };
    case 'InvitationListsReleased':
      return { ...state, released: union(state.released, [event.data.day]) };
    case 'EventDisputeRecorded': {
      const d = event.data;
      return {
        ...state,
        disputes: {
          ...state.disputes,
          [d.disputeId]: {
            disputeId: d.disputeId,
            parties: d.parties,
            ...(d.customerId !== undefined ? { customerId: d.customerId } : {}),
            resolved: false,
          },
        },
      };
    }
    case 'EventDisputeResolved': {
      const dispute = state.disputes[event.data.disputeId];
      if (dispute === undefined) return state;
      return {
        ...state,
        disputes: { ...state.disputes, [dispute.disputeId]: { ...dispute, resolved: true } },
      };
    }
    default:
      return state;
  }
};

/**
 * Where a BU stands with a customer it confirmed for `day` (INV-05/10): `on_time` when an on-time
 * list of that day names the customer; `late` once the cut-off passed without that (the BU lost
 * its priority); `pending` before the cut-off.
 */
export type FilingStatus = 'on_time' | 'late' | 'pending';

export const filingStatus = (
  state: ScheduledJointEvent,
  bu: string,
  day: string,
  customerId: string,
  now: Date,
): FilingStatus => {
  if (dayFiling(state, bu, day).onTimeCustomers.includes(customerId)) return 'on_time';
  const cutoff = cutoffOf(state, day);
  if (cutoff === undefined || now.getTime() > Date.parse(cutoff.cutoffAt)) return 'late';
  return 'pending';
};

/** One BU's lists of a day as another reader may see them. */
export type VisibleList = { readonly bu: string } & DayFiling;

/**
 * INV-04: the day's lists go back to the BUs at the next morning meeting. Before the release a BU
 * manager sees only the own BU's list; the coordinator, the GM and auditors see all of them.
 */
export const visibleLists = (
  state: ScheduledJointEvent,
  day: string,
  reader: { readonly role: string; readonly bu?: string },
): { readonly released: boolean; readonly lists: readonly VisibleList[] } => {
  const released = state.released.includes(day);
  const all = state.businessUnits.map((bu) => ({ bu, ...dayFiling(state, bu, day) }));
  const seesAll = released || ['coordinator', 'gm', 'auditor', 'admin'].includes(reader.role);
  return { released, lists: seesAll ? all : all.filter((list) => list.bu === reader.bu) };
};
