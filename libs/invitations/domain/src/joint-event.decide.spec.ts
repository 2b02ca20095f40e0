import { fold } from '@crm/event-sourcing';
import {
  evolveJointEvent,
  initialJointEvent,
  visibleLists,
  type JointEventState,
  type ScheduledJointEvent,
} from './joint-event';
import { jointEventDecider } from './joint-event.decide';
import type { FineIssued, JointEventEvent } from './joint-event.events';
import { specFor } from '@crm/decider-testing';
import { at, COORDINATOR, EVENT_ID, manager, policyContext, scheduled, staff } from './testing/fixtures';

const spec = specFor(jointEventDecider);

const file = (bu: string, day: string, confirmed: string[] = ['x'], planned?: string[]) =>
  ({ type: 'FileInvitationList', data: { bu, day, confirmed, ...(planned ? { planned } : {}) } }) as const;

const decide = (
  history: JointEventEvent[],
  command: Parameters<typeof jointEventDecider.decide>[0],
  actor = manager('bu-1'),
  local = '2026-12-05 12:00:00',
) =>
  spec
    .given(history)
    .when(command, policyContext(actor, at(local)))
    .events();

describe('ScheduleJointEvent', () => {
  it('records date, slot, venue, BUs in priority order, coordinator and the window opening 7 days before', () => {
    const events = decide(
      [],
      {
        type: 'ScheduleJointEvent',
        data: {
          jointEventId: EVENT_ID,
          date: '2026-12-10',
          slot: 'evening',
          venue: 'Hall A',
          businessUnits: ['bu-1', 'bu-2'],
          coordinatorId: 'co-1',
        },
      },
      COORDINATOR,
      '2026-11-20 09:00:00',
    );
    expect(events).toEqual([scheduled()]);
    const data = scheduled().data;
    expect(data.windowOpensOn).toBe('2026-12-03');
    expect(data.cutoffs).toHaveLength(8);
    expect(data.cutoffs[0]).toEqual({ day: '2026-12-03', cutoffAt: '2026-12-03T10:00:00.000Z' });
    // INV-06: the event day's cut-off is 16:00 for an evening event, 10:00 for an afternoon one.
    expect(data.cutoffs[7]).toEqual({ day: '2026-12-10', cutoffAt: '2026-12-10T08:00:00.000Z' });
    expect(scheduled('afternoon').data.cutoffs[7]).toEqual({
      day: '2026-12-10',
      cutoffAt: '2026-12-10T02:00:00.000Z',
    });
  });

  it('scheduled inside the window, it opens with the first cut-off still ahead', () => {
    const events = decide(
      [],
      {
        type: 'ScheduleJointEvent',
        data: {
          jointEventId: EVENT_ID,
          date: '2026-12-10',
          slot: 'evening',
          venue: 'Hall A',
          businessUnits: ['bu-1', 'bu-2'],
          coordinatorId: 'co-1',
        },
      },
      COORDINATOR,
      '2026-12-05 18:00:01',
    );
    expect(events[0]).toMatchObject({ data: { windowOpensOn: '2026-12-06' } });
    expect((events[0] as ReturnType<typeof scheduled>).data.cutoffs.map((c) => c.day)).toEqual([
      '2026-12-06',
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
    ]);
  });

  it.each([
    ['one BU', { businessUnits: ['bu-1'] }, 'invitation.business_units_invalid'],
    ['the same BU twice', { businessUnits: ['bu-1', 'bu-1'] }, 'invitation.business_units_invalid'],
    ['an impossible date', { date: '2026-02-30' }, 'invitation.invalid_date'],
    ['a past date', { date: '2026-11-01' }, 'invitation.event_not_in_future'],
  ])('refuses %s', (_label, overrides, code) => {
    spec
      .given([])
      .when(
        {
          type: 'ScheduleJointEvent',
          data: {
            jointEventId: EVENT_ID,
            date: '2026-12-10',
            slot: 'evening',
            venue: 'Hall A',
            businessUnits: ['bu-1', 'bu-2'],
            coordinatorId: 'co-1',
            ...overrides,
          },
        },
        policyContext(COORDINATOR, at('2026-11-20 09:00:00')),
      )
      .thenRefused({ code });
  });

  it('is for coordinators and the GM only', () => {
    spec
      .given([])
      .when(
        {
          type: 'ScheduleJointEvent',
          data: {
            jointEventId: EVENT_ID,
            date: '2026-12-10',
            slot: 'evening',
            venue: 'v',
            businessUnits: ['bu-1', 'bu-2'],
            coordinatorId: 'co-1',
          },
        },
        policyContext(staff('bu-1'), at('2026-11-20 09:00:00')),
      )
      .thenRefused({ kind: 'forbidden', code: 'invitation.role_not_allowed' });
  });
});

describe('daily lists (INV-01/02/06/07)', () => {
  it('a list filed by 18:00 is on time and costs nothing', () => {
    const events = decide([scheduled()], file('bu-1', '2026-12-05'), manager('bu-1'), '2026-12-05 18:00:00');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'InvitationListFiled',
        data: expect.objectContaining({ onTime: true, cutoffAt: '2026-12-05T10:00:00.000Z' }),
      }),
    ]);
  });

  it('a list filed at 18:00:01 is late and fines the filing manager 10 yuan', () => {
    const events = decide([scheduled()], file('bu-1', '2026-12-05'), manager('bu-1'), '2026-12-05 18:00:01');
    expect(events.map((e) => e.type)).toEqual(['InvitationListFiled', 'FineIssued']);
    expect(events[1]).toMatchObject({
      data: {
        bu: 'bu-1',
        employeeId: 'm-bu-1',
        role: 'bu_manager',
        amountFen: 1000,
        rule: 'INV-07',
        day: '2026-12-05',
        policyVersion: 'v1',
      },
    });
  });

  it("an evening event's list filed at 16:00:01 on the event day is late; at 16:00:00 it is on time", () => {
    const late = decide(
      [scheduled('evening')],
      file('bu-1', '2026-12-10'),
      manager('bu-1'),
      '2026-12-10 16:00:01',
    );
    expect(late[0]).toMatchObject({ data: { onTime: false } });
    expect(late[1]).toMatchObject({ type: 'FineIssued' });
    const onTime = decide(
      [scheduled('evening')],
      file('bu-1', '2026-12-10'),
      manager('bu-1'),
      '2026-12-10 16:00:00',
    );
    expect(onTime).toEqual([expect.objectContaining({ data: expect.objectContaining({ onTime: true }) })]);
  });

  it("an afternoon event's list is due at 10:00 on the event day", () => {
    const late = decide(
      [scheduled('afternoon')],
      file('bu-1', '2026-12-10'),
      manager('bu-1'),
      '2026-12-10 10:00:01',
    );
    expect(late[0]).toMatchObject({ data: { onTime: false } });
  });

  it('INV-01/02: a BU after the first may send the next day’s planned list with its list or in a later filing', () => {
    const withoutPlan = decide([scheduled()], file('bu-2', '2026-12-05'), manager('bu-2'));
    expect(withoutPlan.map((e) => e.type)).toEqual(['InvitationListFiled']);
    const plan = decide(
      [scheduled(), ...withoutPlan],
      file('bu-2', '2026-12-05', [], ['y']),
      manager('bu-2'),
      '2026-12-05 17:30:00',
    );
    expect(plan).toEqual([
      expect.objectContaining({
        type: 'InvitationListFiled',
        data: expect.objectContaining({ planned: ['y'] }),
      }),
    ]);
  });

  it('fines one late day once, however often it is filed late', () => {
    const first = decide([scheduled()], file('bu-1', '2026-12-05'), manager('bu-1'), '2026-12-05 19:00:00');
    const again = decide(
      [scheduled(), ...first],
      file('bu-1', '2026-12-05', ['y']),
      manager('bu-1'),
      '2026-12-05 20:00:00',
    );
    expect(again.map((e) => e.type)).toEqual(['InvitationListFiled']);
  });

  it.each([
    ['another BU', manager('bu-2'), file('bu-1', '2026-12-05'), 'invitation.not_own_bu'],
    ['a staff member', staff('bu-1'), file('bu-1', '2026-12-05'), 'invitation.role_not_allowed'],
    ['a day outside the window', manager('bu-1'), file('bu-1', '2026-12-01'), 'invitation.not_a_window_day'],
    ['a day still ahead', manager('bu-1'), file('bu-1', '2026-12-06'), 'invitation.list_for_future_day'],
    ['a BU not taking part', manager('bu-9'), file('bu-9', '2026-12-05'), 'invitation.bu_not_participating'],
  ])('refuses a list for %s', (_label, actor, command, code) => {
    spec
      .given([scheduled()])
      .when(command, policyContext(actor, at('2026-12-05 12:00:00')))
      .thenRefused({ code });
  });
});

describe('cut-off timer (INV-05/07)', () => {
  const cutoff = { type: 'RecordFilingCutoff', data: { day: '2026-12-05' } } as const;
  const system = { id: 'system:timer', role: 'system' };

  it('records each missing list and fines that BU manager 10 yuan; a BU that filed on time is left alone', () => {
    const filed = decide([scheduled()], file('bu-1', '2026-12-05'), manager('bu-1'), '2026-12-05 17:00:00');
    const events = decide([scheduled(), ...filed], cutoff, system, '2026-12-05 18:00:05');
    expect(events.slice(0, 3).map((e) => e.type)).toEqual([
      'FilingCutoffReached',
      'InvitationListFilingMissed',
      'FineIssued',
    ]);
    expect(events[0]).toMatchObject({ data: { missingBusinessUnits: ['bu-2'] } });
    expect((events[2] as FineIssued).data).toMatchObject({
      bu: 'bu-2',
      role: 'bu_manager',
      amountFen: 1000,
      rule: 'INV-07',
    });
    expect((events[2] as FineIssued).data.employeeId).toBeUndefined();
    expect((events[2] as FineIssued).data.list).toBeUndefined();
  });

  it('fires at most once per day (at-least-once timers) and never before the cut-off', () => {
    const once = decide([scheduled()], cutoff, system, '2026-12-05 18:00:05');
    expect(decide([scheduled(), ...once], cutoff, system, '2026-12-05 18:10:00')).toEqual([]);
    spec
      .given([scheduled()])
      .when(cutoff, policyContext(system, at('2026-12-05 17:59:00')))
      .thenRefused({ code: 'invitation.cutoff_not_reached' });
  });

  it('does not fine twice when the list came late before the timer ran', () => {
    const late = decide([scheduled()], file('bu-1', '2026-12-05'), manager('bu-1'), '2026-12-05 18:00:02');
    const onTime = decide(
      [scheduled()],
      file('bu-2', '2026-12-05', ['y'], []),
      manager('bu-2'),
      '2026-12-05 17:00:00',
    );
    const events = decide([scheduled(), ...late, ...onTime], cutoff, system, '2026-12-05 18:00:05');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'FilingCutoffReached',
        data: expect.objectContaining({ missingBusinessUnits: ['bu-1'] }),
      }),
    ]);
  });

  it('releases the lists at the next morning meeting, once', () => {
    const release = { type: 'ReleaseInvitationLists', data: { day: '2026-12-05' } } as const;
    const events = decide([scheduled()], release, system, '2026-12-06 08:30:00');
    expect(events).toEqual([expect.objectContaining({ type: 'InvitationListsReleased' })]);
    expect(decide([scheduled(), ...events], release, system, '2026-12-06 08:31:00')).toEqual([]);
  });
});

describe('list due within the hour (reminder timer)', () => {
  const remind = { type: 'RemindListsDue', data: { day: '2026-12-05' } } as const;
  const system = { id: 'system:timer', role: 'system' };

  it('given BU1 filed on time, when the reminder fires an hour before the cut-off, then only BU2 is reminded', () => {
    const filed = decide([scheduled()], file('bu-1', '2026-12-05'), manager('bu-1'), '2026-12-05 16:30:00');
    expect(decide([scheduled(), ...filed], remind, system, '2026-12-05 17:00:01')).toEqual([
      {
        type: 'InvitationListsDueSoon',
        data: {
          jointEventId: EVENT_ID,
          day: '2026-12-05',
          cutoffAt: at('2026-12-05 18:00:00').toISOString(),
          businessUnits: ['bu-2'],
        },
      },
    ]);
  });

  it('reminds nobody once every list is in, or once the cut-off has passed', () => {
    const filed = [
      ...decide([scheduled()], file('bu-1', '2026-12-05'), manager('bu-1'), '2026-12-05 16:30:00'),
      ...decide(
        [scheduled()],
        file('bu-2', '2026-12-05', ['y'], ['z']),
        manager('bu-2'),
        '2026-12-05 16:40:00',
      ),
    ];
    expect(decide([scheduled(), ...filed], remind, system, '2026-12-05 17:00:01')).toEqual([]);
    expect(decide([scheduled()], remind, system, '2026-12-05 18:00:01')).toEqual([]);
  });
});

describe('next-day planned lists at the cut-off (INV-01/02/07)', () => {
  const cutoffOn = (day: string) => ({ type: 'RecordFilingCutoff', data: { day } }) as const;
  const system = { id: 'system:timer', role: 'system' };
  const onTimeDaily = (bu: string, day: string, planned?: string[]) =>
    decide([scheduled()], file(bu, day, ['x'], planned), manager(bu), `${day} 17:00:00`);

  it('given BU2 filed its daily list on time without a plan, when the cut-off passes, then the planned list is recorded missing and the manager fined 10 yuan', () => {
    const filed = [...onTimeDaily('bu-1', '2026-12-05'), ...onTimeDaily('bu-2', '2026-12-05')];
    const events = decide([scheduled(), ...filed], cutoffOn('2026-12-05'), system, '2026-12-05 18:00:05');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'FilingCutoffReached',
        data: expect.objectContaining({ missingBusinessUnits: [] }),
      }),
      {
        type: 'PlannedListFilingMissed',
        data: {
          jointEventId: EVENT_ID,
          bu: 'bu-2',
          day: '2026-12-05',
          plannedFor: '2026-12-06',
          cutoffAt: at('2026-12-05 18:00:00').toISOString(),
          policyVersion: 'v1',
        },
      },
      expect.objectContaining({
        type: 'FineIssued',
        data: expect.objectContaining({
          bu: 'bu-2',
          role: 'bu_manager',
          amountFen: 1000,
          rule: 'INV-07',
          day: '2026-12-05',
          list: 'planned',
          policyVersion: 'v1',
        }),
      }),
    ]);
  });

  it('given BU2 filed nothing, when the cut-off passes, then the daily list and the planned list are two missed lists, each fined once', () => {
    const events = decide(
      [scheduled(), ...onTimeDaily('bu-1', '2026-12-05')],
      cutoffOn('2026-12-05'),
      system,
      '2026-12-05 18:00:05',
    );
    expect(events.map((e) => e.type)).toEqual([
      'FilingCutoffReached',
      'InvitationListFilingMissed',
      'FineIssued',
      'PlannedListFilingMissed',
      'FineIssued',
    ]);
    const fines = events.filter((e): e is FineIssued => e.type === 'FineIssued');
    expect(new Set(fines.map((f) => f.data.fineId)).size).toBe(2);
  });

  it('given BU1 (first in priority) filed no plan and BU2 planned on time, when the cut-off passes, then nobody owes a planned list', () => {
    const filed = [...onTimeDaily('bu-1', '2026-12-05'), ...onTimeDaily('bu-2', '2026-12-05', ['y'])];
    spec
      .given([scheduled(), ...filed])
      .when(cutoffOn('2026-12-05'), policyContext(system, at('2026-12-05 18:00:05')))
      .then([
        {
          type: 'FilingCutoffReached',
          data: {
            jointEventId: EVENT_ID,
            day: '2026-12-05',
            cutoffAt: at('2026-12-05 18:00:00').toISOString(),
            missingBusinessUnits: [],
          },
        },
      ]);
  });

  it('given the event day, when its cut-off passes, then no planned list is due (there is no next day)', () => {
    const filed = [...onTimeDaily('bu-1', '2026-12-10'), ...onTimeDaily('bu-2', '2026-12-10')];
    const events = decide([scheduled(), ...filed], cutoffOn('2026-12-10'), system, '2026-12-10 16:00:05');
    expect(events.map((e) => e.type)).toEqual(['FilingCutoffReached']);
  });

  it('given a plan filed after the cut-off before the timer ran, then that filing is fined once and the timer adds nothing', () => {
    const daily = onTimeDaily('bu-2', '2026-12-05');
    const latePlan = decide(
      [scheduled(), ...daily],
      file('bu-2', '2026-12-05', [], ['y']),
      manager('bu-2'),
      '2026-12-05 18:00:01',
    );
    expect(latePlan.map((e) => e.type)).toEqual(['InvitationListFiled', 'FineIssued']);
    expect(latePlan[1]).toMatchObject({ data: { employeeId: 'm-bu-2', list: 'planned', rule: 'INV-07' } });
    const atCutoff = decide(
      [scheduled(), ...onTimeDaily('bu-1', '2026-12-05'), ...daily, ...latePlan],
      cutoffOn('2026-12-05'),
      system,
      '2026-12-05 18:00:05',
    );
    expect(atCutoff.map((e) => e.type)).toEqual(['FilingCutoffReached']);
  });

  it('given the planned list was recorded missing and fined, when it comes late, then it is stored but not fined again', () => {
    const history = [scheduled(), ...onTimeDaily('bu-1', '2026-12-05'), ...onTimeDaily('bu-2', '2026-12-05')];
    const missed = decide(history, cutoffOn('2026-12-05'), system, '2026-12-05 18:00:05');
    const late = decide(
      [...history, ...missed],
      file('bu-2', '2026-12-05', [], ['y']),
      manager('bu-2'),
      '2026-12-05 19:00:00',
    );
    expect(late.map((e) => e.type)).toEqual(['InvitationListFiled']);
    const state = spec.given([...history, ...missed, ...late]).state as ScheduledJointEvent;
    expect(state.filings['bu-2']?.['2026-12-05']).toMatchObject({
      planned: ['y'],
      plannedOnTime: false,
      plannedMissed: true,
      plannedFined: true,
      fined: false,
    });
  });
});

describe('release of the lists (INV-04)', () => {
  it('before the morning meeting a manager sees only the own list; after it, every BU list', () => {
    const filed = [
      ...decide([scheduled()], file('bu-1', '2026-12-05', ['x']), manager('bu-1'), '2026-12-05 17:00:00'),
      ...decide(
        [scheduled()],
        file('bu-2', '2026-12-05', ['y'], ['z']),
        manager('bu-2'),
        '2026-12-05 17:30:00',
      ),
    ];
    const before = fold(evolveJointEvent, initialJointEvent(), [
      scheduled(),
      ...filed,
    ]) as ScheduledJointEvent;
    const own = visibleLists(before, '2026-12-05', manager('bu-1'));
    expect(own).toMatchObject({ released: false, lists: [{ bu: 'bu-1', listedCustomers: ['x'] }] });
    expect(visibleLists(before, '2026-12-05', COORDINATOR).lists).toHaveLength(2);
    const release = decide(
      [scheduled(), ...filed],
      { type: 'ReleaseInvitationLists', data: { day: '2026-12-05' } },
      COORDINATOR,
      '2026-12-06 08:30:00',
    );
    const after = evolveJointEvent(before, release[0] as JointEventEvent) as ScheduledJointEvent;
    expect(visibleLists(after, '2026-12-05', manager('bu-1'))).toMatchObject({
      released: true,
      lists: [{ bu: 'bu-1' }, { bu: 'bu-2', listedCustomers: ['y'], planned: ['z'] }],
    });
  });
});

describe('disputes at the event (INV-12)', () => {
  const parties = [
    { employeeId: 'e-1', bu: 'bu-1' },
    { employeeId: 'e-2', bu: 'bu-2' },
  ];
  const recorded = decide(
    [scheduled()],
    {
      type: 'RecordEventDispute',
      data: { disputeId: 'd-1', customerId: 'x', parties, description: 'argued at table 3' },
    },
    staff('bu-1'),
    '2026-12-10 19:00:00',
  );

  it('is resolved afterwards by both BU managers with the coordinator; each quarreller is fined 100 yuan', () => {
    const events = decide(
      [scheduled(), ...recorded],
      {
        type: 'ResolveEventDispute',
        data: {
          disputeId: 'd-1',
          resolution: 'customer stays with bu-1',
          managerIds: ['m-bu-1', 'm-bu-2'],
          quarrelled: parties,
        },
      },
      COORDINATOR,
      '2026-12-11 10:00:00',
    );
    expect(events.map((e) => e.type)).toEqual(['EventDisputeResolved', 'FineIssued', 'FineIssued']);
    expect(events.slice(1).map((e) => (e as FineIssued).data)).toEqual([
      expect.objectContaining({ employeeId: 'e-1', amountFen: 10000, rule: 'INV-12', disputeId: 'd-1' }),
      expect.objectContaining({ employeeId: 'e-2', amountFen: 10000, rule: 'INV-12', disputeId: 'd-1' }),
    ]);
  });

  it('needs both managers, and is resolved once', () => {
    const resolve = (managerIds: string[]) =>
      ({
        type: 'ResolveEventDispute',
        data: { disputeId: 'd-1', resolution: 'r', managerIds, quarrelled: [] },
      }) as const;
    spec
      .given([scheduled(), ...recorded])
      .when(resolve(['m-bu-1']), policyContext(COORDINATOR, at('2026-12-11 10:00:00')))
      .thenRefused({ rule: 'INV-12', code: 'invitation.both_managers_required' });
    const done = decide([scheduled(), ...recorded], resolve(['m-bu-1', 'm-bu-2']), COORDINATOR);
    spec
      .given([scheduled(), ...recorded, ...done])
      .when(resolve(['m-bu-1', 'm-bu-2']), policyContext(COORDINATOR, at('2026-12-11 10:00:00')))
      .thenRefused({ code: 'invitation.dispute_resolved' });
  });
});

describe('evolveJointEvent', () => {
  it('is total', () => {
    const state: JointEventState = fold(evolveJointEvent, initialJointEvent(), [scheduled()]);
    expect(evolveJointEvent(state, scheduled())).toBe(state);
    expect(evolveJointEvent(state, { type: 'Unknown', data: {} } as never)).toBe(state);
    expect(evolveJointEvent(initialJointEvent(), { type: 'InvitationListFiled', data: {} } as never)).toEqual(
      initialJointEvent(),
    );
  });
});
