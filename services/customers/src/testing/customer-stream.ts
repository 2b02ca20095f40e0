import type { INestApplication } from '@nestjs/common';
import type { EventStore, StoredEvent } from '@crm/event-store';
import { EVENT_STORE } from '@crm/nest';
import { customerStreamId } from '@crm/customers-domain';

/** A customer's stored history, as an auditor would read it. */
export const customerHistory = async (app: INestApplication, customerId: string): Promise<StoredEvent[]> => {
  const store = app.get<EventStore>(EVENT_STORE);
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(customerStreamId(customerId))) events.push(event);
  return events;
};

export const ofType = (events: readonly StoredEvent[], type: string): StoredEvent[] =>
  events.filter((e) => e.type === type);
