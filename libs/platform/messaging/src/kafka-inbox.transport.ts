import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { PoolClient } from 'pg';
import { InboxConsumer, type InboxConsumerOptions } from './inbox-consumer';
import type { KafkaEnvelope } from './kafka-envelope';
import { KafkaInboxContext } from './kafka-inbox.context';

/** Nest's RPC filters reject with plain `{ status, message }` objects rather than Errors. */
const rpcErrorText = (error: unknown): string => {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return typeof error === 'string' ? error : JSON.stringify(error);
};

export const KAFKA_INBOX_TRANSPORT = Symbol('KAFKA_INBOX_TRANSPORT');

export type KafkaInboxTransportOptions = Omit<InboxConsumerOptions, 'handler'>;

/**
 * Nest custom transport over {@link InboxConsumer}: `@EventPattern('<event type>')` handlers run
 * inside the inbox transaction (through {@link KafkaInboxContext}); the delivery semantics (dedupe,
 * retries, DLQ, offset after commit) are all InboxConsumer's. Nest's own Kafka transport commits
 * offsets independently of the handler's database work, which is why it is not used here.
 */
export class KafkaInboxTransport extends Server implements CustomTransportStrategy {
  override transportId = KAFKA_INBOX_TRANSPORT;
  readonly consumer: InboxConsumer;

  constructor(options: KafkaInboxTransportOptions) {
    super();
    this.consumer = new InboxConsumer({ ...options, handler: (envelope, tx) => this.dispatch(envelope, tx) });
  }

  listen(callback: (error?: unknown) => void): void {
    this.consumer.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    await this.consumer.stop();
  }

  on(): never {
    throw new Error('KafkaInboxTransport has no event listeners; use consumer.onEvent');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Unknown event types return normally: the inbox row is written and the event is acknowledged. */
  private async dispatch(envelope: KafkaEnvelope, tx: PoolClient): Promise<void> {
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) return;
    const result: unknown = await handler(envelope, new KafkaInboxContext([envelope, tx]));
    try {
      // Nest hands back errors as an erroring Observable; awaiting it rethrows into the inbox transaction.
      await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
    } catch (error) {
      throw error instanceof Error ? error : new Error(rpcErrorText(error));
    }
  }
}
