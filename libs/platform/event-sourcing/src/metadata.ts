/** Who issued a command: recorded on every event so auditors can answer "who decided this". */
export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly bu?: string;
  readonly name?: string;
}

/**
 * Metadata carried by every event (architecture §8). `recordTime` is set by the event store when
 * the event is committed; everything else comes from the command that caused the event.
 */
export interface EventMetadata {
  readonly actor: Actor;
  readonly reason?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly commandId?: string;
  readonly policyVersion?: string;
  /** ISO-8601 instant at which the fact happened in the business (may differ from record time). */
  readonly businessTime: string;
  /** ISO-8601 instant at which the store committed the event; filled in on read. */
  readonly recordTime?: string;
  readonly [extra: string]: unknown;
}

/** The context a command is decided in: time, actor and policy come from outside the domain. */
export interface CommandContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly reason?: string;
  readonly policyVersion?: string;
}

export const metadataFrom = (ctx: CommandContext): EventMetadata => ({
  actor: ctx.actor,
  correlationId: ctx.correlationId,
  commandId: ctx.commandId,
  businessTime: ctx.now.toISOString(),
  ...(ctx.causationId !== undefined ? { causationId: ctx.causationId } : {}),
  ...(ctx.reason !== undefined ? { reason: ctx.reason } : {}),
  ...(ctx.policyVersion !== undefined ? { policyVersion: ctx.policyVersion } : {}),
});
