import { NonRetriableError, reactionContext, type KafkaEnvelope } from '@crm/messaging';
import { DomainError, type CommandContext } from '@crm/event-sourcing';

/** Who the customers service records as the decider of what it does on another service's word. */
export const REACTION_ACTOR = { id: 'system:customers.reactions', role: 'system' } as const;

export const reactTo = (
  envelope: KafkaEnvelope,
  consumer: string,
  now: Date,
  step: string,
  policyVersion?: string,
): CommandContext =>
  reactionContext(envelope, {
    consumer,
    actor: REACTION_ACTOR,
    now,
    step,
    ...(policyVersion !== undefined ? { policyVersion } : {}),
  });

/**
 * A business refusal (unknown customer, no candidate) is the message's problem, not the
 * infrastructure's: it is parked with its reason instead of being retried.
 */
export const parkRefusals = async <T>(envelope: KafkaEnvelope, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new NonRetriableError(
      `${envelope.type} ${envelope.eventId} refused: ${error.code} ${error.message}`,
      {
        cause: error,
      },
    );
  }
};
