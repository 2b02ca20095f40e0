export * from './event-store.port';
export * from './errors';
export { canonicalJson } from './canonical-json';
export { GENESIS_HASH, eventHash, verifyChain } from './hash-chain';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { PostgresCheckpointStore } from './postgres/postgres-checkpoint-store';
export type { SqlRunner } from './postgres/sql-runner';
export { InMemoryEventStore, type InMemoryEventStoreOptions } from './in-memory/in-memory-event-store';
export { InMemoryCheckpointStore } from './in-memory/in-memory-checkpoint-store';
export {
  EventStoreDbEventStore,
  type EventStoreDbEventStoreOptions,
} from './eventstoredb/eventstoredb-event-store';
export { EventStoreDbCheckpointStore } from './eventstoredb/eventstoredb-checkpoint-store';
export { PositionWaiters } from './subscription/position-waiters';
export { ReaderPacing } from './subscription/reader-pacing';
export { runUnitOfWork, type AppendFn, type UnitContext } from './unit-of-work';
export { loadStream, type Loaded } from './command/load-stream';
export {
  handleCommand,
  toNewEvents,
  type CommandResult,
  type Decided,
  type HandleCommandOptions,
} from './command/handle-command';
export { SharedTransaction, currentSharedTransaction, withSharedTransaction } from './shared-transaction';
