import { type EventStore, type GlobalPosition, START } from '@crm/event-store';
import type { DataSource, QueryRunner } from 'typeorm';
import { applyBatchWithin, batchTarget } from './apply-batch';
import type { Projection } from './projection';
import {
  deleteCheckpoint,
  ensureReadSchema,
  inTransaction,
  lockCheckpoint,
  SHADOW_SUFFIX,
  shadowCheckpointName,
  writeCheckpoint,
} from './projection-sql';
import { createTables, dropTables, swapShadowIn } from './projection-tables';

export interface RebuildOptions {
  readonly dataSource: DataSource;
  readonly store: EventStore;
  readonly projection: Projection;
  /** The service's read schema. */
  readonly schema: string;
  readonly batchSize?: number;
}

export interface RebuildResult {
  /** Events read into the shadow tables (handled or not). */
  readonly eventsRead: number;
  /** The checkpoint the live projection continues from after the swap. */
  readonly position: GlobalPosition;
}

export class RebuildInProgressError extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection} is already being rebuilt`);
    this.name = 'RebuildInProgressError';
  }
}

/**
 * Rebuilds a projection from position 0 into `<table>__shadow` copies while the live tables keep
 * serving (and the live runner keeps applying), then swaps them in atomically. The final catch-up
 * and the swap share one transaction holding the live projection's lock: the live runner cannot
 * commit a batch in between, and afterwards continues from the shadow's checkpoint.
 */
export const rebuildProjection = async (options: RebuildOptions): Promise<RebuildResult> => {
  const { dataSource, store, projection, schema } = options;
  const batchSize = options.batchSize ?? 500;
  const runner = () => dataSource.createQueryRunner();
  const shadow = batchTarget(projection, schema, shadowCheckpointName(projection.name), SHADOW_SUFFIX);
  await inTransaction(runner, (r) => ensureReadSchema(r, schema));

  // A session lock on a dedicated connection: held for the whole rebuild, released if we crash.
  const guard = runner();
  await guard.connect();
  const guardKey = `crm.projection-rebuild:${schema}.${projection.name}`;
  try {
    const [lock] = (await guard.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok`, [
      guardKey,
    ])) as { ok: boolean }[];
    if (lock?.ok !== true) throw new RebuildInProgressError(projection.name);
    try {
      await inTransaction(runner, async (r) => {
        await dropTables(r, projection, schema, SHADOW_SUFFIX);
        await createTables(r, projection, schema, SHADOW_SUFFIX);
        await writeCheckpoint(r, schema, shadow.checkpointName, {
          position: START,
          version: projection.version,
        });
      });

      const step = async (
        r: QueryRunner,
        from: GlobalPosition,
      ): Promise<{ read: number; next: GlobalPosition }> => {
        const events = await store.readAll(from, batchSize);
        const last = events[events.length - 1];
        if (last === undefined) return { read: 0, next: from };
        if ((await applyBatchWithin(r, shadow, from, events)) === 'stale') {
          throw new Error(`projection ${projection.name}: shadow checkpoint moved during rebuild`);
        }
        return { read: events.length, next: last.position };
      };

      // Bulk catch-up in short transactions, without blocking the live runner.
      let position: GlobalPosition = START;
      let eventsRead = 0;
      for (;;) {
        const { read, next } = await inTransaction(runner, (r) => step(r, position));
        position = next;
        eventsRead += read;
        if (read < batchSize) break;
      }

      const final = await inTransaction(runner, async (r) => {
        await lockCheckpoint(r, schema, projection.name);
        let at = position;
        let read = 0;
        for (let batch = await step(r, at); batch.read > 0; batch = await step(r, at)) {
          at = batch.next;
          read += batch.read;
        }
        await swapShadowIn(r, projection, schema);
        await writeCheckpoint(r, schema, projection.name, { position: at, version: projection.version });
        await deleteCheckpoint(r, schema, shadow.checkpointName);
        return { at, read };
      });
      position = final.at;
      eventsRead += final.read;
      return { eventsRead, position };
    } finally {
      await guard.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [guardKey]);
    }
  } finally {
    await guard.release();
  }
};
