import type { KafkaEnvelope } from './kafka-envelope';
import { NonRetriableError } from './retry-policy';

/** An event whose data breaks its published contract: retrying cannot heal it. */
export class ContractViolationError extends NonRetriableError {
  constructor(envelope: KafkaEnvelope, reason: string, options?: { cause?: unknown }) {
    super(`${envelope.type} ${envelope.eventId} breaks its v1 contract: ${reason}`, options);
    this.name = 'ContractViolationError';
  }
}

/**
 * Reads an envelope's data with a contract parser; whatever the parser rejects becomes a
 * ContractViolationError, so the message is dead-lettered at once with the reason instead of retried.
 */
export const parseContract = <T>(envelope: KafkaEnvelope, parser: (data: unknown) => T): T => {
  try {
    return parser(envelope.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContractViolationError(envelope, reason, { cause: error });
  }
};
