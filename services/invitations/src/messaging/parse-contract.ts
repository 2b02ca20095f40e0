import { NonRetriableError, type KafkaEnvelope } from '@crm/messaging';

/** A contract violation will not heal by retrying: straight to the dead-letter topic, with the reason. */
export const parseContract = <T>(envelope: KafkaEnvelope, parser: (data: unknown) => T): T => {
  try {
    return parser(envelope.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NonRetriableError(`${envelope.type} ${envelope.eventId} breaks the v1 contract: ${reason}`, {
      cause: error,
    });
  }
};
