import { type Actor, type CommandContext, deterministicUuid } from '@crm/event-sourcing';
import type { KafkaEnvelope } from './kafka-envelope';

export interface ReactionOptions {
  /** The consumer reacting (its inbox name): two consumers reacting to one event issue different commands. */
  readonly consumer: string;
  /** Who the command is recorded as, e.g. `{ id: 'system:customers.reassignment', role: 'system' }`. */
  readonly actor: Actor;
  /** Decision time; usually the service clock's now, or the fact's own time for a replay-stable view. */
  readonly now: Date;
  /** Distinguishes several commands issued for one event by the same consumer. */
  readonly step?: string;
  readonly reason?: string;
  readonly policyVersion?: string;
}

/**
 * The context for a command issued because of another service's event (architecture §5: process
 * managers). Its command id derives from the causing event id, so a redelivery issues the same
 * command (handleCommand then does not decide it twice); the correlation carries over and the
 * event becomes the causation.
 */
export const reactionContext = (envelope: KafkaEnvelope, options: ReactionOptions): CommandContext => ({
  actor: options.actor,
  now: options.now,
  commandId: deterministicUuid('reaction', options.consumer, envelope.eventId, options.step ?? ''),
  correlationId: envelope.correlationId,
  causationId: envelope.eventId,
  ...(options.reason !== undefined ? { reason: options.reason } : {}),
  ...(options.policyVersion !== undefined ? { policyVersion: options.policyVersion } : {}),
});
