import type { EventMetadata } from '@crm/event-sourcing';
import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { GlobalPosition, StoredEvent } from '../event-store.port';
import type { ChainedEvent } from '../hash-chain';

/** Streams this adapter writes for itself (subscription checkpoints); never part of the domain log. */
export const CHECKPOINT_STREAM_PREFIX = 'crm-checkpoint-';

/** Where the hash chain lives inside EventStoreDB event metadata. */
interface ChainMetadata {
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * Metadata keys starting with `$` belong to the adapter: `$crm` holds the chain, `$correlationId`
 * and `$causationId` feed EventStoreDB's own correlation projections. They are removed on read so
 * the metadata comes back exactly as the writer gave it.
 */
export const toEventData = (event: ChainedEvent): EventData =>
  jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      ...(event.metadata as Record<string, unknown>),
      $correlationId: (event.metadata as EventMetadata).correlationId,
      ...((event.metadata as EventMetadata).causationId !== undefined
        ? { $causationId: (event.metadata as EventMetadata).causationId }
        : {}),
      $crm: { prevHash: event.previousHash, hash: event.hash } satisfies ChainMetadata,
    },
  });

export const isOwnOrSystemStream = (streamId: string): boolean =>
  streamId.startsWith('$') || streamId.startsWith(CHECKPOINT_STREAM_PREFIX);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

export interface MappedEvent {
  readonly stored: StoredEvent;
  readonly chained: ChainedEvent;
}

/** Maps an event this adapter wrote; undefined for anything else (system, binary or foreign events). */
export const fromResolved = (resolved: ResolvedEvent | AllStreamResolvedEvent): MappedEvent | undefined => {
  const event = resolved.event;
  if (event === undefined || !event.isJson || isOwnOrSystemStream(event.streamId)) return undefined;
  const data = event.data;
  const rawMetadata = event.metadata;
  if (!isRecord(data) || !isRecord(rawMetadata)) return undefined;
  const chain = rawMetadata['$crm'];
  if (!isRecord(chain) || typeof chain['prevHash'] !== 'string' || typeof chain['hash'] !== 'string')
    return undefined;
  const metadata = Object.fromEntries(
    Object.entries(rawMetadata).filter(([key]) => !key.startsWith('$')),
  ) as unknown as EventMetadata;
  const position: GlobalPosition = event.position ?? {
    commit: resolved.commitPosition ?? 0n,
    prepare: resolved.commitPosition ?? 0n,
  };
  const id = event.id.toLowerCase();
  const version = Number(event.revision);
  const chained: ChainedEvent = {
    id,
    streamId: event.streamId,
    version,
    type: event.type,
    data,
    metadata,
    previousHash: chain['prevHash'],
    hash: chain['hash'],
  };
  const stored: StoredEvent = {
    id,
    streamId: event.streamId,
    type: event.type,
    version,
    position,
    data,
    metadata: { ...metadata, recordTime: event.created.toISOString() },
    recordedAt: event.created,
    hash: chain['hash'],
    previousHash: chain['prevHash'],
  };
  return { stored, chained };
};
