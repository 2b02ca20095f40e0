import type { CommandContext } from '@crm/event-sourcing';
import type { MarkLapsed, RecordService } from './customer.commands';
import type { CustomerEvent } from './customer.events';
import type { Customer } from './customer';
import { requireOwnerOrOpen, requirePolicyVersion, requireRegistered } from './customer-guards';
import { lapseDeadline } from './lapse-clock';

const STAFF_SERVICE: readonly string[] = ['home_visit', 'phone_contact'];

/**
 * Qualifying service (domain §2.3). Service by the owning BU restarts the lapse clock and, if the
 * customer had lapsed but was not reassigned yet, closes it to other BUs again. Redeliveries are
 * stopped before this (command ids derived from the causing event or the Idempotency-Key).
 */
export const decideRecordService = (command: RecordService, state: Customer): CustomerEvent[] => {
  const { customerId, kind, reference, servedAt, byBu, byEmployeeId, amountFen } = command.data;
  const customer = requireRegistered(state, customerId);
  // Invitation facts arrive from the invitations service, which already checked that the customer
  // was open to the inviting BU; a visit or a call is checked here.
  if (STAFF_SERVICE.includes(kind)) requireOwnerOrOpen(customer, byBu, 'record a service');
  const byOwner = byBu === customer.ownerBu;
  const events: CustomerEvent[] = [
    {
      type: 'CustomerServiceRecorded',
      data: {
        customerId,
        kind,
        reference,
        servedAt,
        byBu,
        byEmployeeId,
        byOwner,
        ...(amountFen !== undefined ? { amountFen } : {}),
      },
    },
  ];
  if (byOwner && customer.lapsed) {
    events.push({
      type: 'CustomerLapseCleared',
      data: { customerId, ownerBu: customer.ownerBu, clearedAt: servedAt },
    });
  }
  return events;
};

/**
 * The durable timer's decision (ARC-70, INV-14). The timer may be stale (service arrived after it
 * was set): the deadline is recomputed from the state, so an early or repeated firing decides nothing.
 */
export const decideMarkLapsed = (
  command: MarkLapsed,
  state: Customer,
  context: CommandContext,
): CustomerEvent[] => {
  const { customerId, lapseAfterMonths } = command.data;
  const customer = requireRegistered(state, customerId);
  if (customer.lapsed || customer.forgotten) return [];
  const deadline = lapseDeadline(customer.lastServiceAt, lapseAfterMonths);
  if (context.now.getTime() < Date.parse(deadline)) return [];
  return [
    {
      type: 'CustomerServiceLapsed',
      data: {
        customerId,
        ownerBu: customer.ownerBu,
        ownerEmployeeId: customer.ownerEmployeeId,
        lastServiceAt: customer.lastServiceAt,
        lapsedAt: context.now.toISOString(),
        lapseAfterMonths,
        policyVersion: requirePolicyVersion(context),
      },
    },
  ];
};
