import { DomainError, deterministicUuid, type Decider } from '@crm/event-sourcing';
import type { CustomerEligibility } from './customer-eligibility';
import { invalid, requireRole } from './invitation-context';
import type { ConfirmInvitation, InvitationCommand, RuleInvitationConflict } from './invitation.commands';
import type { Claimant, InvitationConfirmed, InvitationEvent, RulingBasis } from './invitation.events';
import { evolveInvitation, initialInvitation, type InvitationState } from './invitation';
import { decideAtEvent } from './invitation-at-event.decide';
import {
  CONFIRMING_ROLES,
  requireInvited,
  scheduledEvent,
  type InvitationContext,
} from './invitation-guards';
import { filingStatus } from './joint-event';
import { countsForDay } from './shanghai-time';

const held = (holdingBu: string, customerId: string, jointEventId: string, why: string): DomainError =>
  new DomainError(
    'conflict',
    'invitation.customer_held',
    `the customer is held by ${holdingBu} for this event (${why})`,
    'INV-09',
    {
      holdingBu,
      customerId,
      jointEventId,
    },
  );

const accessOf = (bu: string, eligibility: CustomerEligibility | undefined): 'owner' | 'lapsed' => {
  if (eligibility === undefined) {
    throw new DomainError(
      'rule',
      'invitation.customer_unknown',
      'the customer is not known (yet) from the customers service',
      'INV-14',
    );
  }
  if (eligibility.forgotten) {
    throw new DomainError(
      'rule',
      'invitation.customer_forgotten',
      'the customer asked to be forgotten',
      undefined,
    );
  }
  if (eligibility.marketingOptedOut) {
    throw new DomainError(
      'rule',
      'invitation.customer_opted_out',
      'the customer opted out of marketing; joint-event invitations are marketing',
      'DAT-22',
      { customerId: eligibility.customerId },
    );
  }
  if (eligibility.ownerBu === bu) return 'owner';
  if (eligibility.lapsed) return 'lapsed';
  throw new DomainError(
    'forbidden',
    'invitation.customer_not_open',
    `the customer belongs to ${eligibility.ownerBu} and is not open to ${bu}`,
    'INV-14',
    {
      ownerBu: eligibility.ownerBu,
    },
  );
};

const decideConfirm = (
  command: ConfirmInvitation,
  state: InvitationState,
  context: InvitationContext,
): InvitationConfirmed[] => {
  requireRole(context, CONFIRMING_ROLES, 'confirm invitations');
  const event = scheduledEvent(context);
  const { customerId } = command.data;
  const bu = context.actor.bu;
  if (bu === undefined || !event.businessUnits.includes(bu)) {
    throw new DomainError(
      'forbidden',
      'invitation.bu_not_participating',
      `${bu ?? 'no BU'} does not take part in this event`,
      undefined,
      {
        bu: bu ?? null,
      },
    );
  }
  const access = accessOf(bu, context.eligibility);
  const day = countsForDay(context.now, context.policy.params);
  if (day < event.windowOpensOn) {
    throw new DomainError(
      'rule',
      'invitation.window_not_open',
      `invitations open on ${event.windowOpensOn}`,
      'INV-01',
      {
        windowOpensOn: event.windowOpensOn,
        countsForDay: day,
      },
    );
  }
  if (day > event.date) {
    throw new DomainError('rule', 'invitation.window_closed', 'the event is over', 'INV-03', {
      countsForDay: day,
      eventDate: event.date,
    });
  }
  if (state.status === 'invited') {
    if (state.claims.some((c) => c.bu === bu)) return [];
    if (state.conflict === 'ruled' || state.conflict === 'final') {
      throw held(state.inviter.bu, customerId, event.jointEventId, 'ruled');
    }
    if (state.conflict !== undefined) {
      throw held(state.inviter.bu, customerId, event.jointEventId, 'conflict under review');
    }
    // INV-09/10: a confirmation stays protected unless its BU missed the list cut-off of its day (INV-05).
    const protectedClaim = state.claims.find(
      (c) => filingStatus(event, c.bu, c.countsForDay, customerId, context.now) !== 'late',
    );
    if (protectedClaim !== undefined)
      throw held(protectedClaim.bu, customerId, event.jointEventId, 'confirmed');
  }
  return [
    {
      type: 'InvitationConfirmed',
      data: {
        invitationId: deterministicUuid('invitation', event.jointEventId, customerId, bu),
        jointEventId: event.jointEventId,
        customerId,
        bu,
        employeeId: context.actor.id,
        confirmedAt: context.now.toISOString(),
        countsForDay: day,
        access,
        // Warned, not refused: a blocked account stops credit sales, not the invitation.
        ...(context.creditBlocks !== undefined && context.creditBlocks.length > 0
          ? { creditBlocks: context.creditBlocks }
          : {}),
        policyVersion: context.policy.version,
      },
    },
  ];
};

/** Rule (i)/(ii) of the catalogue's resolution order: on-time filing beats late filing, else first confirmation. */
const automaticRuling = (
  claimants: readonly Claimant[],
): { winner: Claimant; basis: RulingBasis } | undefined => {
  const onTime = claimants.filter((c) => c.filing === 'on_time');
  if (onTime.length === 0) return undefined;
  const first = [...onTime].sort((a, b) => a.confirmedAt.localeCompare(b.confirmedAt))[0] as Claimant;
  if (onTime.length > 1) return { winner: first, basis: 'first_confirmation' };
  const lostByLateFiling = claimants.some((c) => c.filing === 'late' && c.confirmedAt < first.confirmedAt);
  return { winner: first, basis: lostByLateFiling ? 'late_filing' : 'on_time_filing' };
};

const decideCheck = (state: InvitationState, context: InvitationContext): InvitationEvent[] => {
  const event = scheduledEvent(context);
  if (state.status !== 'invited' || state.claims.length < 2 || state.conflict !== undefined) return [];
  const claimants: Claimant[] = state.claims.map((c) => ({
    bu: c.bu,
    employeeId: c.employeeId,
    confirmedAt: c.confirmedAt,
    countsForDay: c.countsForDay,
    filing: filingStatus(event, c.bu, c.countsForDay, state.customerId, context.now),
  }));
  if (claimants.some((c) => c.filing === 'pending')) return [];
  const ruling = automaticRuling(claimants);
  const at = context.now.toISOString();
  const { jointEventId, customerId } = state;
  const detected: InvitationEvent = {
    type: 'InvitationConflictDetected',
    data: { jointEventId, customerId, claimants, queuedForCoordinator: ruling === undefined, detectedAt: at },
  };
  if (ruling === undefined) return [detected];
  return [
    detected,
    {
      type: 'InvitationConflictRuled',
      data: {
        jointEventId,
        customerId,
        winnerBu: ruling.winner.bu,
        winnerEmployeeId: ruling.winner.employeeId,
        loserBus: claimants.filter((c) => c.bu !== ruling.winner.bu).map((c) => c.bu),
        basis: ruling.basis,
        decidedBy: context.actor.id,
        decidedByRole: context.actor.role,
        final: false,
        ruledAt: at,
        policyVersion: context.policy.version,
      },
    },
  ];
};

const decideRule = (
  command: RuleInvitationConflict,
  state: InvitationState,
  context: InvitationContext,
): InvitationEvent[] => {
  requireRole(context, ['coordinator', 'gm'], 'rule on an invitation conflict');
  const invitation = requireInvited(state);
  const isGm = context.actor.role === 'gm';
  if (invitation.conflict === undefined) {
    throw new DomainError(
      'conflict',
      'invitation.no_conflict',
      'there is no conflict on this customer to rule on',
      'INV-08',
    );
  }
  if (invitation.conflict === 'final') {
    throw new DomainError('conflict', 'invitation.ruling_final', "the GM's ruling is final", 'INV-13');
  }
  if (invitation.conflict === 'escalated' && !isGm) {
    throw new DomainError(
      'conflict',
      'invitation.conflict_escalated',
      'the conflict is with the GM now',
      'INV-13',
    );
  }
  const winner = invitation.claims.find((c) => c.bu === command.data.winnerBu);
  if (winner === undefined) {
    throw invalid(
      'invitation.winner_not_a_claimant',
      `${command.data.winnerBu} did not confirm this customer`,
      {
        field: 'winnerBu',
        claimants: invitation.claims.map((c) => c.bu),
      },
    );
  }
  return [
    {
      type: 'InvitationConflictRuled',
      data: {
        jointEventId: invitation.jointEventId,
        customerId: invitation.customerId,
        winnerBu: winner.bu,
        winnerEmployeeId: winner.employeeId,
        loserBus: invitation.claims.filter((c) => c.bu !== winner.bu).map((c) => c.bu),
        basis: isGm ? 'gm' : 'coordinator',
        decidedBy: context.actor.id,
        decidedByRole: context.actor.role,
        final: isGm,
        ...(command.data.note !== undefined ? { note: command.data.note } : {}),
        ruledAt: context.now.toISOString(),
        policyVersion: context.policy.version,
      },
    },
  ];
};

export const decideInvitation = (
  command: InvitationCommand,
  state: InvitationState,
  context: InvitationContext,
): readonly InvitationEvent[] => {
  switch (command.type) {
    case 'ConfirmInvitation':
      return decideConfirm(command, state, context);
    case 'CheckInvitationConflict':
      return decideCheck(state, context);
    case 'RuleInvitationConflict':
      return decideRule(command, state, context);
    case 'EscalateInvitationConflict': {
      requireRole(context, ['coordinator'], 'escalate a conflict to the GM');
      const invitation = requireInvited(state);
      if (invitation.conflict === undefined) {
        throw new DomainError(
          'conflict',
          'invitation.no_conflict',
          'there is no conflict on this customer',
          'INV-08',
        );
      }
      if (invitation.conflict === 'final') {
        throw new DomainError('conflict', 'invitation.ruling_final', "the GM's ruling is final", 'INV-13');
      }
      if (invitation.conflict === 'escalated') return [];
      return [
        {
          type: 'InvitationConflictEscalated',
          data: {
            jointEventId: invitation.jointEventId,
            customerId: invitation.customerId,
            escalatedBy: context.actor.id,
            reason: command.data.reason,
            escalatedAt: context.now.toISOString(),
          },
        },
      ];
    }
    default:
      return decideAtEvent(command, state, context);
  }
};

export const invitationDecider: Decider<
  InvitationCommand,
  InvitationEvent,
  InvitationState,
  InvitationContext
> = {
  initialState: initialInvitation,
  decide: decideInvitation,
  evolve: evolveInvitation,
};
