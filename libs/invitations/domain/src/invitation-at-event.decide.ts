import { DomainError } from '@crm/event-sourcing';
import { invalid } from './invitation-context';
import type {
  ApproveSalesAssist,
  EndPitch,
  RecordAttendance,
  RecordEventSale,
  StartPitch,
} from './invitation.commands';
import type { InvitationEvent } from './invitation.events';
import type { Invitation, InvitationState } from './invitation';
import { requireInvited, scheduledEvent, type InvitationContext } from './invitation-guards';
import { localDay } from './shanghai-time';

type AtEventCommand = RecordAttendance | ApproveSalesAssist | StartPitch | EndPitch | RecordEventSale;

const notCurrentInviter = (invitation: Invitation): DomainError =>
  new DomainError(
    'forbidden',
    'invitation.not_current_inviter',
    'only the current inviter may allow help with this customer',
    'INV-11',
    {
      inviterEmployeeId: invitation.inviter.employeeId,
    },
  );

const requireAttended = (invitation: Invitation): string => {
  if (invitation.attendedAt === undefined) {
    throw new DomainError(
      'rule',
      'invitation.not_checked_in',
      'the customer has not checked in at the event',
      'INV-11',
    );
  }
  return invitation.attendedAt;
};

/** Check-in, sales assist, pitching and sales (domain §3.5, INV-11). */
export const decideAtEvent = (
  command: AtEventCommand,
  state: InvitationState,
  context: InvitationContext,
): InvitationEvent[] => {
  const event = scheduledEvent(context);
  const invitation = requireInvited(state);
  const { jointEventId, customerId } = invitation;
  const at = context.now.toISOString();
  switch (command.type) {
    case 'RecordAttendance': {
      if (invitation.attendedAt !== undefined) return [];
      if (localDay(context.now, context.policy.params) !== event.date) {
        throw new DomainError(
          'rule',
          'invitation.not_event_day',
          `check-in is on the event day ${event.date}`,
          undefined,
          {
            eventDate: event.date,
          },
        );
      }
      return [
        {
          type: 'AttendanceRecorded',
          data: {
            jointEventId,
            customerId,
            attendedAt: at,
            inviterBu: invitation.inviter.bu,
            inviterEmployeeId: invitation.inviter.employeeId,
          },
        },
      ];
    }
    case 'ApproveSalesAssist': {
      if (context.actor.id !== invitation.inviter.employeeId) throw notCurrentInviter(invitation);
      const { assistantEmployeeId } = command.data;
      if (invitation.assistants.includes(assistantEmployeeId)) return [];
      return [
        {
          type: 'SalesAssistApproved',
          data: {
            jointEventId,
            customerId,
            assistantEmployeeId,
            approvedBy: context.actor.id,
            approvedAt: at,
          },
        },
      ];
    }
    case 'StartPitch': {
      requireAttended(invitation);
      const { employeeId } = command.data;
      if (employeeId !== invitation.inviter.employeeId && !invitation.assistants.includes(employeeId)) {
        throw new DomainError(
          'forbidden',
          'invitation.assist_not_approved',
          'helping needs the current inviter’s consent',
          'INV-11',
          {
            employeeId,
          },
        );
      }
      if (invitation.pitcher === employeeId) return [];
      if (invitation.pitcher !== undefined) {
        throw new DomainError(
          'conflict',
          'invitation.pitch_in_progress',
          'another employee is pitching to this customer',
          'INV-11',
          {
            pitcher: invitation.pitcher,
          },
        );
      }
      return [{ type: 'PitchStarted', data: { jointEventId, customerId, employeeId, startedAt: at } }];
    }
    case 'EndPitch':
      if (invitation.pitcher !== command.data.employeeId) return [];
      return [
        {
          type: 'PitchEnded',
          data: { jointEventId, customerId, employeeId: command.data.employeeId, endedAt: at },
        },
      ];
    case 'RecordEventSale': {
      requireAttended(invitation);
      const { saleId, amountFen, assistedBy } = command.data;
      if (invitation.saleIds.includes(saleId)) return [];
      if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
        throw invalid('invitation.invalid_amount', 'amountFen is a positive integer', { field: 'amountFen' });
      }
      if (assistedBy !== undefined && !invitation.assistants.includes(assistedBy)) {
        throw new DomainError(
          'forbidden',
          'invitation.assist_not_approved',
          'helping needs the current inviter’s consent',
          'INV-11',
          {
            employeeId: assistedBy,
          },
        );
      }
      return [
        {
          type: 'EventSaleRecorded',
          data: {
            saleId,
            jointEventId,
            customerId,
            amountFen,
            soldAt: at,
            // INV-11: credited 100 % to the current inviter, whoever helped.
            inviterBu: invitation.inviter.bu,
            inviterEmployeeId: invitation.inviter.employeeId,
            ...(assistedBy !== undefined ? { assistedBy } : {}),
            recordedBy: context.actor.id,
          },
        },
      ];
    }
  }
};
