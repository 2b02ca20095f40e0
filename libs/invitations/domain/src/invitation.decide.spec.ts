import { fold } from '@crm/event-sourcing';
import { evolveInvitation, initialInvitation } from './invitation';
import type { InvitationCommand } from './invitation.commands';
import { invitationDecider } from './invitation.decide';
import type { InvitationEvent } from './invitation.events';
import type { JointEventState } from './joint-event';
import { specFor } from '@crm/decider-testing';
import {
  at,
  COORDINATOR,
  eligibility,
  GM,
  invitationContext,
  jointEvent,
  staff,
  SYSTEM,
  withFiling,
} from './testing/fixtures';

const spec = specFor(invitationDecider);
const confirm: InvitationCommand = {
  type: 'ConfirmInvitation',
  data: { jointEventId: 'je-1', customerId: 'x' },
};
const check: InvitationCommand = { type: 'CheckInvitationConflict', data: {} };
const rule = (winnerBu: string): InvitationCommand => ({
  type: 'RuleInvitationConflict',
  data: { winnerBu },
});

/** Runs commands in order, each under its own actor, time and joint-event state; returns all events. */
const run = (
  steps: readonly {
    command: InvitationCommand;
    actor: Parameters<typeof invitationContext>[0];
    local: string;
    event?: JointEventState;
  }[],
): InvitationEvent[] =>
  steps.reduce<InvitationEvent[]>((history, step) => {
    const state = fold(evolveInvitation, initialInvitation(), history);
    const context = invitationContext(
      step.actor,
      at(step.local),
      step.event ? { jointEvent: step.event } : {},
    );
    return [...history, ...invitationDecider.decide(step.command, state, context)];
  }, []);

describe('ConfirmInvitation', () => {
  it('confirms a customer of the own BU; the day follows INV-03', () => {
    const [event] = run([{ command: confirm, actor: staff('bu-2'), local: '2026-12-05 18:00:01' }]);
    expect(event).toEqual({
      type: 'InvitationConfirmed',
      data: expect.objectContaining({
        bu: 'bu-2',
        employeeId: 'e-bu-2',
        countsForDay: '2026-12-06',
        confirmedAt: at('2026-12-05 18:00:01').toISOString(),
        access: 'owner',
        policyVersion: 'v1',
      }),
    });
    const [same] = run([{ command: confirm, actor: staff('bu-2'), local: '2026-12-05 18:00:00' }]);
    expect(same).toMatchObject({ data: { countsForDay: '2026-12-05' } });
  });

  it('given a blocked credit account, when a BU confirms the customer, then it is confirmed and the block is recorded as a warning (domain §6)', () => {
    const block = {
      accountId: 'acc-1',
      reason: 'overdue_invoice',
      blockedAt: at('2026-12-01 09:00:00').toISOString(),
    };
    spec
      .given([])
      .when(confirm, invitationContext(staff('bu-2'), at('2026-12-05 10:00:00'), { creditBlocks: [block] }))
      .then([
        {
          type: 'InvitationConfirmed',
          data: expect.objectContaining({ bu: 'bu-2', creditBlocks: [block] }) as never,
        },
      ]);
    const [clear] = spec
      .given([])
      .when(confirm, invitationContext(staff('bu-2'), at('2026-12-05 10:00:00'), { creditBlocks: [] }))
      .events();
    expect(clear?.data).not.toHaveProperty('creditBlocks');
  });

  it('confirms a lapsed customer of another BU (open, INV-14) and refuses one that is not open', () => {
    const context = (lapsed: boolean) =>
      invitationContext(staff('bu-1'), at('2026-12-05 10:00:00'), { eligibility: eligibility({ lapsed }) });
    expect(spec.given([]).when(confirm, context(true)).events()[0]).toMatchObject({
      data: { access: 'lapsed' },
    });
    spec
      .given([])
      .when(confirm, context(false))
      .thenRefused({
        kind: 'forbidden',
        code: 'invitation.customer_not_open',
        rule: 'INV-14',
        details: { ownerBu: 'bu-2' },
      });
  });

  it('refuses a customer who opted out of marketing (DAT-22), even for the owner BU', () => {
    spec
      .given([])
      .when(
        confirm,
        invitationContext(staff('bu-2'), at('2026-12-05 10:00:00'), {
          eligibility: eligibility({ customerId: 'x', marketingOptedOut: true }),
        }),
      )
      .thenRefused({
        kind: 'rule',
        code: 'invitation.customer_opted_out',
        rule: 'DAT-22',
        details: { customerId: 'x' },
      });
  });

  it.each([
    ['an unknown customer', { eligibility: undefined }, 'invitation.customer_unknown'],
    [
      'a forgotten customer',
      { eligibility: eligibility({ forgotten: true }) },
      'invitation.customer_forgotten',
    ],
    [
      'an unknown joint event',
      { jointEvent: { status: 'none' } as const },
      'invitation.joint_event_not_found',
    ],
  ])('refuses %s', (_label, overrides, code) => {
    spec
      .given([])
      .when(confirm, invitationContext(staff('bu-2'), at('2026-12-05 10:00:00'), overrides))
      .thenRefused({ code });
  });

  it('refuses before the window opens (7 days before) and after the event', () => {
    spec
      .given([])
      .when(confirm, invitationContext(staff('bu-2'), at('2026-12-02 18:00:00')))
      .thenRefused({ code: 'invitation.window_not_open' });
    expect(
      spec
        .given([])
        .when(confirm, invitationContext(staff('bu-2'), at('2026-12-02 18:00:01')))
        .events(),
    ).toHaveLength(1);
    spec
      .given([])
      .when(confirm, invitationContext(staff('bu-2'), at('2026-12-10 18:30:00')))
      .thenRefused({ code: 'invitation.window_closed' });
  });

  it('refuses a BU that does not take part and a role that may not invite', () => {
    spec
      .given([])
      .when(confirm, invitationContext(staff('bu-9'), at('2026-12-05 10:00:00')))
      .thenRefused({ code: 'invitation.bu_not_participating' });
    spec
      .given([])
      .when(confirm, invitationContext(COORDINATOR, at('2026-12-05 10:00:00')))
      .thenRefused({ code: 'invitation.role_not_allowed' });
  });

  it('INV-09: a customer confirmed by one BU cannot be confirmed by another: 409 naming the holding BU', () => {
    const history = run([{ command: confirm, actor: staff('bu-2'), local: '2026-12-05 11:00:00' }]);
    spec
      .given(history)
      .when(confirm, invitationContext(staff('bu-1'), at('2026-12-05 17:00:00')))
      .thenRefused({
        kind: 'conflict',
        code: 'invitation.customer_held',
        rule: 'INV-09',
        details: { holdingBu: 'bu-2', customerId: 'x', jointEventId: 'je-1' },
      });
  });

  it('INV-10: the confirmation stays protected after the cut-off when the holder listed the customer on time', () => {
    const history = run([{ command: confirm, actor: staff('bu-2'), local: '2026-12-05 11:00:00' }]);
    const listed = withFiling(
      jointEvent(),
      { bu: 'bu-2', day: '2026-12-05', confirmed: ['x'] },
      '2026-12-05 17:59:59',
    );
    spec
      .given(history)
      .when(confirm, invitationContext(staff('bu-1'), at('2026-12-05 19:00:00'), { jointEvent: listed }))
      .thenRefused({ details: { holdingBu: 'bu-2' } });
  });

  it('a repeated confirmation by the same BU changes nothing', () => {
    const history = run([{ command: confirm, actor: staff('bu-2'), local: '2026-12-05 11:00:00' }]);
    spec
      .given(history)
      .when(confirm, invitationContext(staff('bu-2', 'e-other'), at('2026-12-05 12:00:00')))
      .then([]);
  });
});

describe("the issue's scenario: BU2's late list costs it X (INV-05)", () => {
  // X is lapsed: open to both BUs. BU2 confirms on D = 12-05; its D list is filed late (18:30).
  const lateBu2 = withFiling(
    jointEvent(),
    { bu: 'bu-2', day: '2026-12-05', confirmed: ['x'] },
    '2026-12-05 18:30:00',
  );
  const bu2Confirmed = run([{ command: confirm, actor: staff('bu-2'), local: '2026-12-05 11:00:00' }]);

  it('once the cut-off passed without an on-time list, the confirmation is no longer protected: BU1 may confirm', () => {
    const events = spec
      .given(bu2Confirmed)
      .when(confirm, invitationContext(staff('bu-1'), at('2026-12-05 19:00:00'), { jointEvent: lateBu2 }))
      .events();
    expect(events).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ bu: 'bu-1', countsForDay: '2026-12-06' }) }),
    ]);
  });

  it('BU1 lists X on time → the duplicate check rules X to BU1 with basis late_filing', () => {
    const history = [
      ...bu2Confirmed,
      ...spec
        .given(bu2Confirmed)
        .when(confirm, invitationContext(staff('bu-1'), at('2026-12-05 19:00:00'), { jointEvent: lateBu2 }))
        .events(),
    ];
    const bothListed = withFiling(
      lateBu2,
      { bu: 'bu-1', day: '2026-12-06', confirmed: ['x'] },
      '2026-12-06 17:00:00',
    );
    const events = spec
      .given(history)
      .when(check, invitationContext(SYSTEM, at('2026-12-06 17:00:00'), { jointEvent: bothListed }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['InvitationConflictDetected', 'InvitationConflictRuled']);
    expect(events[0]).toMatchObject({
      data: {
        queuedForCoordinator: false,
        claimants: [
          { bu: 'bu-2', countsForDay: '2026-12-05', filing: 'late' },
          { bu: 'bu-1', countsForDay: '2026-12-06', filing: 'on_time' },
        ],
      },
    });
    expect(events[1]).toMatchObject({
      data: {
        winnerBu: 'bu-1',
        winnerEmployeeId: 'e-bu-1',
        loserBus: ['bu-2'],
        basis: 'late_filing',
        final: false,
        policyVersion: 'v1',
      },
    });
    const after = fold(evolveInvitation, fold(evolveInvitation, initialInvitation(), history), events);
    expect(after).toMatchObject({ inviter: { bu: 'bu-1' }, conflict: 'ruled' });
    // BU2 cannot take X back.
    spec
      .given([...history, ...events])
      .when(confirm, invitationContext(staff('bu-2'), at('2026-12-07 10:00:00'), { jointEvent: bothListed }))
      .then([]);
  });

  it('the check waits while a claimant is still before its cut-off', () => {
    const history = [
      ...bu2Confirmed,
      ...spec
        .given(bu2Confirmed)
        .when(confirm, invitationContext(staff('bu-1'), at('2026-12-05 19:00:00'), { jointEvent: lateBu2 }))
        .events(),
    ];
    spec
      .given(history)
      .when(check, invitationContext(SYSTEM, at('2026-12-06 12:00:00'), { jointEvent: lateBu2 }))
      .then([]);
  });
});

describe('coordinator queue and escalation (INV-08/13)', () => {
  // Both BUs confirmed X and both missed their cut-offs: no rule decides, the coordinator must.
  const noLists = jointEvent();
  const history = run([
    { command: confirm, actor: staff('bu-2'), local: '2026-12-05 11:00:00', event: noLists },
  ]);
  const bothClaimed = [
    ...history,
    ...spec
      .given(history)
      .when(confirm, invitationContext(staff('bu-1'), at('2026-12-05 19:00:00'), { jointEvent: noLists }))
      .events(),
  ];
  const queued = [
    ...bothClaimed,
    ...spec
      .given(bothClaimed)
      .when(check, invitationContext(SYSTEM, at('2026-12-06 18:00:05'), { jointEvent: noLists }))
      .events(),
  ];
  const ctx = (actor: Parameters<typeof invitationContext>[0]) =>
    invitationContext(actor, at('2026-12-07 09:00:00'), { jointEvent: noLists });

  it('queues the conflict for the coordinator when nobody filed on time', () => {
    expect(queued.at(-1)).toMatchObject({
      type: 'InvitationConflictDetected',
      data: { queuedForCoordinator: true },
    });
  });

  it('the coordinator may rule (basis coordinator)', () => {
    spec
      .given(queued)
      .when(rule('bu-2'), ctx(COORDINATOR))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            winnerBu: 'bu-2',
            basis: 'coordinator',
            decidedBy: 'co-1',
            final: false,
          }),
        }) as never,
      ]);
  });

  it("an escalation ends with the GM's ruling, and no later ruling is accepted", () => {
    const escalated = [
      ...queued,
      ...spec
        .given(queued)
        .when(
          { type: 'EscalateInvitationConflict', data: { reason: 'both managers insist' } },
          ctx(COORDINATOR),
        )
        .events(),
    ];
    spec
      .given(escalated)
      .when(rule('bu-1'), ctx(COORDINATOR))
      .thenRefused({ kind: 'conflict', code: 'invitation.conflict_escalated', rule: 'INV-13' });
    const gm = spec.given(escalated).when(rule('bu-1'), ctx(GM)).events();
    expect(gm).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ winnerBu: 'bu-1', basis: 'gm', final: true }),
      }),
    ]);
    const final = [...escalated, ...gm];
    spec
      .given(final)
      .when(rule('bu-2'), ctx(GM))
      .thenRefused({ code: 'invitation.ruling_final', rule: 'INV-13' });
    spec.given(final).when(rule('bu-2'), ctx(COORDINATOR)).thenRefused({ code: 'invitation.ruling_final' });
    spec
      .given(final)
      .when({ type: 'EscalateInvitationConflict', data: { reason: 'again' } }, ctx(COORDINATOR))
      .thenRefused({ code: 'invitation.ruling_final' });
    expect(fold(evolveInvitation, initialInvitation(), final)).toMatchObject({
      inviter: { bu: 'bu-1', employeeId: 'e-bu-1' },
      conflict: 'final',
    });
  });

  it('refuses a ruling without a conflict, for a BU that is not a claimant, or by staff', () => {
    spec
      .given(bothClaimed)
      .when(rule('bu-1'), ctx(COORDINATOR))
      .thenRefused({ code: 'invitation.no_conflict' });
    spec
      .given(queued)
      .when(rule('bu-9'), ctx(COORDINATOR))
      .thenRefused({ kind: 'invalid', code: 'invitation.winner_not_a_claimant' });
    spec
      .given(queued)
      .when(rule('bu-1'), ctx(staff('bu-1')))
      .thenRefused({ kind: 'forbidden' });
  });

  it('two on-time claims go to the first confirmation', () => {
    // Possible only through lists: both BUs listed X on time for their days.
    const event = withFiling(
      withFiling(noLists, { bu: 'bu-2', day: '2026-12-05', confirmed: ['x'] }, '2026-12-05 17:00:00'),
      { bu: 'bu-1', day: '2026-12-06', confirmed: ['x'] },
      '2026-12-06 17:00:00',
    );
    const events = spec
      .given(bothClaimed)
      .when(check, invitationContext(SYSTEM, at('2026-12-06 17:00:00'), { jointEvent: event }))
      .events();
    expect(events[1]).toMatchObject({ data: { winnerBu: 'bu-2', basis: 'first_confirmation' } });
  });
});
