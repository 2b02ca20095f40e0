import type { EventMetadata } from '@crm/event-sourcing';
import type { StoredEvent } from '../event-store.port';
import type { ChainedEvent } from '../hash-chain';

/** An events row as selected by postgresStatements (bigint and xid8 cast to text: pg would lose precision). */
export interface EventRow {
  readonly position: string;
  readonly transaction_id: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly version: number;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
  readonly prev_hash: string;
  readonly hash: string;
}

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  id: row.event_id,
  streamId: row.stream_id,
  type: row.type,
  version: row.version,
  position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.position) },
  data: row.data,
  metadata: { ...row.metadata, recordTime: row.recorded_at.toISOString() },
  recordedAt: row.recorded_at,
  hash: row.hash,
  previousHash: row.prev_hash,
});

/** The row exactly as stored (metadata without recordTime), for hashing and idempotency checks. */
export const toChainedEvent = (row: EventRow): ChainedEvent => ({
  id: row.event_id,
  streamId: row.stream_id,
  version: row.version,
  type: row.type,
  data: row.data,
  metadata: row.metadata,
  previousHash: row.prev_hash,
  hash: row.hash,
});
