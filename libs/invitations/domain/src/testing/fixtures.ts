import { fold, type Actor } from '@crm/event-sourcing';
import type { CustomerEligibility } from '../customer-eligibility';
import { INVITATION_POLICY_V1_PARAMS, type InvitationPolicy } from '../invitation-policy';
import type { InvitationContext } from '../invitation-guards';
import type { PolicyContext } from '../invitation-context';
import { evolveJointEvent, initialJointEvent, type JointEventState } from '../joint-event';
import type { JointEventEvent, JointEventScheduled } from '../joint-event.events';
import { filingCutoffs, jointEventDecider } from '../joint-event.decide';

export const POLICY: InvitationPolicy = { version: 'v1', params: INVITATION_POLICY_V1_PARAMS };
export const EVENT_ID = 'je-1';
/** An evening event on Thursday 2026-12-10; the window opens on 2026-12-03. */
export const EVENT_DATE = '2026-12-10';

/** A local Asia/Shanghai wall-clock instant, e.g. `at('2026-12-05 17:59:59')`. */
export const at = (local: string): Date => new Date(`${local.replace(' ', 'T')}+08:00`);

export const staff = (bu: string, id = `e-${bu}`): Actor => ({ id, role: 'staff', bu });
export const manager = (bu: string): Actor => ({ id: `m-${bu}`, role: 'bu_manager', bu });
export const COORDINATOR: Actor = { id: 'co-1', role: 'coordinator' };
export const GM: Actor = { id: 'gm-1', role: 'gm' };
export const SYSTEM: Actor = { id: 'system:invitations.duplicate-check', role: 'system' };

export const policyContext = (actor: Actor, now: Date): PolicyContext => ({
  actor,
  now,
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  policy: POLICY,
});

export const scheduled = (slot: 'afternoon' | 'evening' = 'evening'): JointEventScheduled => ({
  type: 'JointEventScheduled',
  data: {
    jointEventId: EVENT_ID,
    date: EVENT_DATE,
    slot,
    venue: 'Hall A',
    businessUnits: ['bu-1', 'bu-2'],
    coordinatorId: 'co-1',
    windowOpensOn: '2026-12-03',
    cutoffs: filingCutoffs(EVENT_DATE, slot, POLICY.params),
    scheduledBy: 'co-1',
    scheduledAt: at('2026-11-20 09:00:00').toISOString(),
    policyVersion: 'v1',
  },
});

export const jointEvent = (...events: JointEventEvent[]): JointEventState =>
  fold(evolveJointEvent, initialJointEvent(), [scheduled(), ...events]);

export const eligibility = (overrides: Partial<CustomerEligibility> = {}): CustomerEligibility => ({
  customerId: 'x',
  ownerBu: 'bu-2',
  ownerEmployeeId: 'e-owner',
  lapsed: false,
  forgotten: false,
  marketingOptedOut: false,
  ...overrides,
});

export const invitationContext = (
  actor: Actor,
  now: Date,
  overrides: Partial<InvitationContext> = {},
): InvitationContext => ({
  ...policyContext(actor, now),
  jointEvent: jointEvent(),
  eligibility: eligibility({ lapsed: true }),
  ...overrides,
});

/** The joint event after `bu`'s manager filed a list at local time `local` (decided, not hand-made). */
export const withFiling = (
  state: JointEventState,
  filing: { bu: string; day: string; confirmed: string[]; planned?: string[] },
  local: string,
): JointEventState =>
  fold(
    evolveJointEvent,
    state,
    jointEventDecider.decide(
      { type: 'FileInvitationList', data: { planned: [], ...filing } },
      state,
      policyContext(manager(filing.bu), at(local)),
    ),
  );
