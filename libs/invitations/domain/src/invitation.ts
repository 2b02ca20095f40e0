import type { InvitationEvent } from './invitation.events';

export type Claim = {
  readonly invitationId: string;
  readonly bu: string;
  readonly employeeId: string;
  readonly confirmedAt: string;
  readonly countsForDay: string;
};

/** `open`: in the coordinator's queue; `ruled`: decided, may still be corrected or escalated. */
export type ConflictStatus = 'open' | 'ruled' | 'escalated' | 'final';

export type Invitation = {
  readonly status: 'invited';
  readonly jointEventId: string;
  readonly customerId: string;
  readonly claims: readonly Claim[];
  /** Who the customer counts for: the first confirmation, or the winner of the latest ruling. */
  readonly inviter: { readonly bu: string; readonly employeeId: string };
  readonly conflict?: ConflictStatus;
  readonly attendedAt?: string;
  readonly assistants: readonly string[];
  readonly pitcher?: string;
  readonly saleIds: readonly string[];
};

export type InvitationState = { readonly status: 'none' } | Invitation;

export const initialInvitation = (): InvitationState => ({ status: 'none' });

/** Total: an event that does not fit the state leaves it unchanged. */
export const evolveInvitation = (state: InvitationState, event: InvitationEvent): InvitationState => {
  if (event.type === 'InvitationConfirmed') {
    const d = event.data;
    const claim: Claim = {
      invitationId: d.invitationId,
      bu: d.bu,
      employeeId: d.employeeId,
      confirmedAt: d.confirmedAt,
      countsForDay: d.countsForDay,
    };
    if (state.status === 'none') {
      return {
        status: 'invited',
        jointEventId: d.jointEventId,
        customerId: d.customerId,
        claims: [claim],
        inviter: { bu: d.bu, employeeId: d.employeeId },
        assistants: [],
        saleIds: [],
      };
    }
    if (state.claims.some((c) => c.bu === d.bu)) return state;
    return { ...state, claims: [...state.claims, claim] };
  }
  if (state.status !== 'invited') return state;
  switch (event.type) {
    case 'InvitationConflictDetected':
      return event.data.queuedForCoordinator ? { ...state, conflict: 'open' } : state;
    case 'InvitationConflictRuled':
      return {
        ...state,
        inviter: { bu: event.data.winnerBu, employeeId: event.data.winnerEmployeeId },
        conflict: event.data.final ? 'final' : 'ruled',
      };
    case 'InvitationConflictEscalated':
      return state.conflict === 'final' ? state : { ...state, conflict: 'escalated' };
    case 'AttendanceRecorded':
      return state.attendedAt !== undefined ? state : { ...state, attendedAt: event.data.attendedAt };
    case 'SalesAssistApproved':
      return { ...state, assistants: [...new Set([...state.assistants, event.data.assistantEmployeeId])] };
    case 'PitchStarted':
      return { ...state, pitcher: event.data.employeeId };
    case 'PitchEnded': {
      if (state.pitcher !== event.data.employeeId) return state;
      const { pitcher: _ended, ...rest } = state;
      return rest;
    }
    case 'EventSaleRecorded':
      return { ...state, saleIds: [...state.saleIds, event.data.saleId] };
    default:
      return state;
  }
};
