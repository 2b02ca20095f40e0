import { comparePositions, type GlobalPosition, type StoredEvent } from '@crm/event-store';
import type { QueryRunner } from 'typeorm';
import type { Projection, ProjectionContext } from './projection';
import { lockCheckpoint, readCheckpoint, writeCheckpoint } from './projection-sql';
import { tableResolver } from './projection-tables';

/** Where a batch goes: the live tables or a rebuild's shadow copies, each with its own checkpoint. */
export interface BatchTarget {
  readonly projection: Projection;
  readonly schema: string;
  readonly checkpointName: string;
  readonly table: (logicalName: string) => string;
}

export const batchTarget = (
  projection: Projection,
  schema: string,
  checkpointName: string,
  suffix: string,
): BatchTarget => ({ projection, schema, checkpointName, table: tableResolver(projection, schema, suffix) });

/**
 * `applied`: effects and the new checkpoint are written in the caller's transaction.
 * `stale`: the stored checkpoint is not the `from` these events were read after (another replica
 * applied them, or a rebuild swapped tables), or it belongs to another projection version;
 * nothing was written and the caller must re-read its checkpoint.
 */
export type BatchOutcome = 'applied' | 'stale';

/** Must run inside a transaction on `runner`; the caller commits or rolls back. */
export const applyBatchWithin = async (
  runner: QueryRunner,
  target: BatchTarget,
  from: GlobalPosition,
  events: readonly StoredEvent[],
): Promise<BatchOutcome> => {
  const { projection, schema, checkpointName } = target;
  await lockCheckpoint(runner, schema, checkpointName);
  const checkpoint = await readCheckpoint(runner, schema, checkpointName, true);
  if (
    checkpoint === undefined ||
    checkpoint.version !== projection.version ||
    comparePositions(checkpoint.position, from) !== 0
  ) {
    return 'stale';
  }
  const last = events[events.length - 1];
  if (last === undefined) return 'applied';
  const ctx: ProjectionContext = { manager: runner.manager, table: target.table };
  const handled = new Set(projection.handles);
  for (const event of events) {
    if (handled.has(event.type)) await projection.apply(event, ctx);
  }
  await writeCheckpoint(runner, schema, checkpointName, {
    position: last.position,
    version: projection.version,
  });
  return 'applied';
};
