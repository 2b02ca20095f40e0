import { canonicalJson } from './canonical-json';
import { DuplicateEventIdError, WrongExpectedVersionError } from './errors';
import type { ExpectedVersion, NewEvent } from './event-store.port';
import { eventHash, GENESIS_HASH, type ChainedEvent, type HashedEvent } from './hash-chain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Ids are compared and hashed in lower case because PostgreSQL and EventStoreDB hand UUIDs back
 * lower-cased; a hash over the caller's spelling could otherwise never be recomputed on read.
 */
export const normalizeEvents = (events: readonly NewEvent[]): NewEvent[] => {
  const seen = new Set<string>();
  return events.map((event) => {
    const id = event.id.toLowerCase();
    if (!UUID.test(id)) throw new TypeError(`event id must be a UUID, got '${event.id}'`);
    if (seen.has(id)) throw new DuplicateEventIdError(id, 'appears twice in the same append');
    seen.add(id);
    return { ...event, id };
  });
};

/** The current head of a stream as the writer sees it; null when the stream does not exist. */
export interface StreamHead {
  readonly version: number;
  readonly lastHash: string;
}

/** Chains a batch onto `head`: versions continue from it and each hash covers its predecessor. */
export const chainBatch = (
  streamId: string,
  head: StreamHead | null,
  events: readonly NewEvent[],
): ChainedEvent[] => {
  let previousHash = head?.lastHash ?? GENESIS_HASH;
  let version = head?.version ?? -1;
  return events.map((event) => {
    version += 1;
    const content = {
      id: event.id,
      streamId,
      version,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    };
    const hash = eventHash(previousHash, content);
    const chained = { ...content, previousHash, hash };
    previousHash = hash;
    return chained;
  });
};

export const expectationHolds = (expected: ExpectedVersion, head: StreamHead | null): boolean => {
  const actual = head?.version ?? -1;
  if (expected === 'any') return true;
  if (expected === 'no_stream') return head === null;
  if (expected === 'stream_exists') return head !== null;
  return actual === expected;
};

export const wrongVersion = (streamId: string, expected: ExpectedVersion, head: StreamHead | null) =>
  new WrongExpectedVersionError(streamId, expected, head?.version ?? -1);

/** A previously stored event as far as idempotency checks need it: what its hash covered. */
export type ExistingEvent = HashedEvent;

/**
 * Decides whether a re-append of `events` is the same append again (true: return the original
 * result), or throws DuplicateEventIdError when an id was used for something else. `existing`
 * holds the stored events sharing ids with the batch; empty means "none of these ids exist".
 */
export const isIdempotentReplay = (
  streamId: string,
  events: readonly NewEvent[],
  existing: readonly ExistingEvent[],
): boolean => {
  if (existing.length === 0) return false;
  const byId = new Map(existing.map((event) => [event.id, event]));
  let previousVersion: number | undefined;
  for (const event of events) {
    const stored = byId.get(event.id);
    if (stored === undefined) {
      throw new DuplicateEventIdError(
        [...byId.keys()][0] ?? event.id,
        'part of this batch was appended before, part was not',
      );
    }
    if (stored.streamId !== streamId) {
      throw new DuplicateEventIdError(event.id, `already stored in stream ${stored.streamId}`);
    }
    if (
      stored.type !== event.type ||
      canonicalJson(stored.data) !== canonicalJson(event.data) ||
      canonicalJson(stored.metadata) !== canonicalJson(event.metadata)
    ) {
      throw new DuplicateEventIdError(event.id, 'already stored with different content');
    }
    if (previousVersion !== undefined && stored.version !== previousVersion + 1) {
      throw new DuplicateEventIdError(event.id, 'already stored, but not in this order');
    }
    previousVersion = stored.version;
  }
  return true;
};
