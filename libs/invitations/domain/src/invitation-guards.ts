import { DomainError } from '@crm/event-sourcing';
import type { CreditBlock } from './credit-standing';
import type { CustomerEligibility } from './customer-eligibility';
import type { PolicyContext } from './invitation-context';
import type { Invitation, InvitationState } from './invitation';
import type { JointEventState, ScheduledJointEvent } from './joint-event';

export interface InvitationContext extends PolicyContext {
  /** The joint event as it stands (schedule, lists, cut-offs), loaded by the application. */
  readonly jointEvent: JointEventState;
  /** From the eligibility read model; undefined when the customers topic never named the customer. */
  readonly eligibility?: CustomerEligibility;
  /** The customer's blocked credit accounts (credit topic); empty or absent when none is blocked. */
  readonly creditBlocks?: readonly CreditBlock[];
}

export const CONFIRMING_ROLES = ['staff', 'bu_manager'] as const;

export const scheduledEvent = (context: InvitationContext): ScheduledJointEvent => {
  if (context.jointEvent.status !== 'scheduled') {
    throw new DomainError('not_found', 'invitation.joint_event_not_found', 'no such joint event');
  }
  return context.jointEvent;
};

export const requireInvited = (state: InvitationState): Invitation => {
  if (state.status !== 'invited') {
    throw new DomainError(
      'not_found',
      'invitation.not_invited',
      'nobody confirmed this customer for this event',
    );
  }
  return state;
};
