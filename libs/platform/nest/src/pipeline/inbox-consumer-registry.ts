import type { InboxConsumer } from '@crm/messaging';

/** The inbox consumers running in this process, by name (for operators' dead-letter replays). */
export class InboxConsumerRegistry {
  private readonly consumers = new Map<string, InboxConsumer>();

  add(consumer: InboxConsumer): void {
    this.consumers.set(consumer.name, consumer);
  }

  get(name: string): InboxConsumer | undefined {
    return this.consumers.get(name);
  }

  names(): string[] {
    return [...this.consumers.keys()];
  }
}
