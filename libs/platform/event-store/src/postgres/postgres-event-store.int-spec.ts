import { Pool } from 'pg';
import { START } from '../event-store.port';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { describeEventStoreContract, newEvent, streamName, waitFor } from '../testing';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { PostgresEventStore } from './postgres-event-store';

const pools: Pool[] = [];

describeEventStoreContract('PostgreSQL', async () => {
  const pool = new Pool({ connectionString: await requirePostgres(), max: 8 });
  pools.push(pool);
  const schema = `es_contract_${uniqueSuffix()}`;
  const store = new PostgresEventStore({ pool, schema });
  await store.migrate();
  await store.migrate(); // idempotent
  return {
    store,
    // Plain SQL, as an operator with database access could run it, bypassing the store.
    tamper: {
      alterEventData: async (streamId, version, data) => {
        const result = await pool.query(
          `update ${schema}.events set data = $3 where stream_id = $1 and version = $2`,
          [streamId, version, JSON.stringify(data)],
        );
        expect(result.rowCount).toBe(1);
      },
      deleteEvent: async (streamId, version) => {
        const result = await pool.query(
          `delete from ${schema}.events where stream_id = $1 and version = $2`,
          [streamId, version],
        );
        expect(result.rowCount).toBe(1);
      },
    },
    cleanup: async () => {
      await store.close();
      await pool.query(`drop schema if exists ${schema} cascade`);
      await pool.end();
    },
  };
});

describe('PostgresEventStore specifics', () => {
  let pool: Pool;
  let schema: string;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await requirePostgres(), max: 4 });
    schema = `es_pg_${uniqueSuffix()}`;
    await new PostgresEventStore({ pool, schema }).migrate();
  });

  afterAll(async () => {
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.end();
  });

  it('wakes subscriptions in this process on append, even through another store instance', async () => {
    const reader = new PostgresEventStore({ pool, schema });
    const writer = new PostgresEventStore({ pool, schema });
    const seen: string[] = [];
    const subscription = reader.subscribe(
      `wake-${uniqueSuffix()}`,
      async (event) => {
        seen.push(event.id);
      },
      { pollIntervalMs: 60_000 },
    );
    await subscription.caughtUp();
    const event = newEvent('Woken');
    await writer.append(streamName('wake'), [event], 'no_stream');
    await waitFor('the woken subscription', () => seen.includes(event.id), 20_000);
    await reader.close();
    expect(subscription.isAlive()).toBe(false);
  });

  it('appends inside a caller transaction, visible only after commit and gone after rollback', async () => {
    const store = new PostgresEventStore({ pool, schema });
    const client = await pool.connect();
    try {
      const stream = streamName('tx');
      await client.query('begin');
      await store.appendWithin(client, stream, [newEvent('A')], 'no_stream');
      expect(await store.streamVersion(stream)).toBe(-1);
      await client.query('rollback');
      expect(await store.streamVersion(stream)).toBe(-1);
      await client.query('begin');
      await store.appendWithin(client, stream, [newEvent('A')], 'no_stream');
      await client.query('commit');
      expect(await store.streamVersion(stream)).toBe(0);
      expect(await store.append(stream, [newEvent('B')], 0)).toMatchObject({ nextExpectedVersion: 1 });
      expect((await store.verifyStream(stream)).ok).toBe(true);
    } finally {
      client.release();
    }
  });

  it('orders the global log numerically across digit boundaries (positions 9 -> 10, 99 -> 100)', async () => {
    const fresh = `es_pg_order_${uniqueSuffix()}`;
    const store = new PostgresEventStore({ pool, schema: fresh });
    await store.migrate();
    try {
      const first = Array.from({ length: 12 }, (_, i) => newEvent(`E${i}`));
      await store.append('digits-1', first, 'no_stream');
      const second = Array.from({ length: 95 }, (_, i) => newEvent(`F${i}`));
      await store.append('digits-2', second, 'no_stream');
      const readPaged = async (): Promise<string[]> => {
        const ids: string[] = [];
        let from = START;
        for (let page = await store.readAll(from, 5); page.length > 0; page = await store.readAll(from, 5)) {
          ids.push(...page.map((e) => e.id));
          from = page[page.length - 1]?.position ?? from;
        }
        return ids;
      };
      // Parallel test files may hold older transactions open: wait until the whole log is visible.
      let ids: string[] = [];
      for (const deadline = Date.now() + 60_000; ids.length < 107 && Date.now() < deadline;) {
        ids = await readPaged();
        if (ids.length < 107) await new Promise((r) => setTimeout(r, 50));
      }
      expect(ids).toEqual([...first, ...second].map((e) => e.id));
      const versions: number[] = [];
      for await (const event of store.readStream('digits-2')) versions.push(event.version);
      expect(versions).toEqual(second.map((_, i) => i));
    } finally {
      await pool.query(`drop schema if exists ${fresh} cascade`);
    }
  });

  it('stores checkpoints per subscription name', async () => {
    const checkpoints = new PostgresCheckpointStore(pool, schema);
    expect(await checkpoints.load('absent')).toEqual({ commit: 0n, prepare: 0n });
    await checkpoints.store('one', { commit: 9007199254740993n, prepare: 42n });
    await checkpoints.store('one', { commit: 9007199254740995n, prepare: 43n });
    expect(await checkpoints.load('one')).toEqual({ commit: 9007199254740995n, prepare: 43n });
  });
});
