import type { Producer } from 'kafkajs';
import type { CreditAccountBlockedV1, CreditAccountUnblockedV1 } from '@crm/credit-contracts';
import { contractEnvelope, sendContractEvent, type SentContractEvent } from '@crm/testing';

export type SentCreditEvent = SentContractEvent;

/**
 * Sends a credit contract event as the credit relay does: keyed by account id, with the account
 * stream's version. `eventId` repeats an earlier delivery.
 */
export const sendCreditEvent = (
  producer: Producer,
  topic: string,
  event: { readonly type: string; readonly data: CreditAccountBlockedV1 | CreditAccountUnblockedV1 },
  options: { readonly version: number; readonly eventId?: string },
): Promise<SentCreditEvent> =>
  sendContractEvent(
    producer,
    topic,
    contractEnvelope(event, {
      aggregateId: event.data.accountId,
      streamId: `credit-account-${event.data.accountId}`,
      version: options.version,
      ...(options.eventId !== undefined ? { eventId: options.eventId } : {}),
    }),
  );
