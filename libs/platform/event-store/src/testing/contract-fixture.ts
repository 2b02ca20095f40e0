import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '@crm/event-sourcing';
import type { EventStore, NewEvent, StoredEvent } from '../event-store.port';

/** Direct access to an adapter's storage, bypassing the store, to prove the verifier catches tampering. */
export interface EventStoreTamper {
  /** Overwrites an event's data in place (as an UPDATE in SQL would). */
  alterEventData(streamId: string, version: number, data: Record<string, unknown>): Promise<void>;
  /** Removes one event, leaving the stream's head record as it is (as a DELETE in SQL would). */
  deleteEvent(streamId: string, version: number): Promise<void>;
}

export interface EventStoreContractFixture {
  readonly store: EventStore;
  /** Absent when the adapter's storage cannot be altered behind its back; then say why. */
  readonly tamper?: EventStoreTamper;
  readonly tamperUnavailableReason?: string;
  /** Semantics the adapter cannot offer, with the reason; the suite prints them instead of checking. */
  readonly limitations?: { readonly idReuseAcrossStreams?: string };
  readonly cleanup: () => Promise<void>;
}

export type EventStoreContractSetup = () => Promise<EventStoreContractFixture>;

/** A fresh stream name per test so tests sharing one store never see each other's streams. */
export const streamName = (label: string): string => `${label}-${randomUUID()}`;

export const fullMetadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: { id: 'user-7', role: 'agent', bu: 'bu-north', name: 'Agent Seven' },
  reason: 'customer asked by phone',
  correlationId: randomUUID(),
  causationId: randomUUID(),
  commandId: randomUUID(),
  policyVersion: 'assignment-policy@3',
  businessTime: '2025-03-04T05:06:07.089Z',
  ...overrides,
});

export const newEvent = (
  type: string,
  data: Record<string, unknown> = {},
  metadata?: EventMetadata,
): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: metadata ?? fullMetadata(),
});

export const readAllOf = async (store: EventStore, streamId: string): Promise<StoredEvent[]> => {
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `condition` holds; fails with `what` after `timeoutMs`. */
export const waitFor = async (what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};
