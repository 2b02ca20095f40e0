import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { HashChainProblem, StreamVerification } from './event-store.port';

/** previousHash of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: the event as the writer gave it (metadata without the store's recordTime). */
export interface HashedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

export const eventHash = (previousHash: string, event: HashedEvent): string =>
  createHash('sha256')
    .update(previousHash)
    .update(
      canonicalJson({
        id: event.id,
        streamId: event.streamId,
        version: event.version,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      }),
    )
    .digest('hex');

export interface ChainedEvent extends HashedEvent {
  readonly previousHash: string;
  readonly hash: string;
}

/** What the store believes the stream's head is (its streams row), or null when it has none. */
export interface ChainHead {
  readonly version: number;
  readonly lastHash: string;
}

/**
 * Recomputes a stream's chain from its stored rows (ordered by version). A row edited in place
 * shows as `altered`; a row removed in the middle as `missing` plus a `broken_link` on its successor;
 * the last row removed as `head_mismatch` against the stream's head record.
 */
export const verifyChain = (
  streamId: string,
  events: readonly ChainedEvent[],
  /** null: the store has no head record for the stream; undefined: the adapter keeps none (EventStoreDB). */
  head: ChainHead | null | undefined,
): StreamVerification => {
  const problems: HashChainProblem[] = [];
  let expectedVersion = 0;
  let previousHash = GENESIS_HASH;
  for (const event of events) {
    for (let missing = expectedVersion; missing < event.version; missing++) {
      problems.push({
        kind: 'missing',
        version: missing,
        detail: `version ${missing} is absent from the stream`,
      });
    }
    if (event.previousHash !== previousHash) {
      problems.push({
        kind: 'broken_link',
        version: event.version,
        eventId: event.id,
        detail: `previous hash ${event.previousHash} does not match the preceding event's hash ${previousHash}`,
      });
    }
    const recomputed = eventHash(event.previousHash, event);
    if (recomputed !== event.hash) {
      problems.push({
        kind: 'altered',
        version: event.version,
        eventId: event.id,
        detail: `stored hash ${event.hash} but content hashes to ${recomputed}`,
      });
    }
    previousHash = event.hash;
    expectedVersion = event.version + 1;
  }
  const lastVersion = expectedVersion - 1;
  if (
    head !== null &&
    head !== undefined &&
    (head.version !== lastVersion || head.lastHash !== previousHash)
  ) {
    problems.push({
      kind: 'head_mismatch',
      version: head.version,
      detail: `stream head says version ${head.version} / ${head.lastHash}, events end at version ${lastVersion} / ${previousHash}`,
    });
  }
  if (head === null && events.length > 0) {
    problems.push({
      kind: 'head_mismatch',
      version: lastVersion,
      detail: 'events exist but the stream has no head record',
    });
  }
  return { streamId, ok: problems.length === 0, eventsChecked: events.length, problems };
};
