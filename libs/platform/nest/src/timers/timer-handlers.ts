import type { ClaimedTimer, TimerHandler } from '@crm/policy';

/**
 * Which code runs when a durable timer of a given kind falls due. Services register their handlers
 * at module init (`handlers.on('case.deadline', ...)`); the platform's poller dispatches by kind.
 */
export class TimerHandlers {
  private readonly byKind = new Map<string, TimerHandler>();

  on(kind: string, handler: TimerHandler): void {
    if (this.byKind.has(kind)) throw new Error(`a handler for timer kind ${kind} is already registered`);
    this.byKind.set(kind, handler);
  }

  kinds(): string[] {
    return [...this.byKind.keys()];
  }

  /** An unknown kind fails the timer (retried, then parked as failed) instead of marking it fired. */
  readonly dispatch = async (timer: ClaimedTimer): Promise<void> => {
    const handler = this.byKind.get(timer.kind);
    if (handler === undefined) throw new Error(`no handler registered for timer kind ${timer.kind}`);
    await handler(timer);
  };
}
