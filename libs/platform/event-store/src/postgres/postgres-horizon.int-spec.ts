import { Client, Pool } from 'pg';
import { connectionUrlAs, prepareWriterRole, writerRoleFor } from '@crm/postgres';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import type { StoredEvent } from '../event-store.port';
import { newEvent, sleep, waitFor } from '../testing';
import { PostgresEventStore } from './postgres-event-store';

/*
 * The log horizon waits only for transactions that could append to this store (postgres-horizon.ts).
 * A transaction holding an xid in another database, or held by the read-only analyst role, must not
 * stop delivery; one of the store's own writer role must (that is the gap protection).
 *
 * How we know the test detects a return to the cluster-wide rule: the last test runs the same held
 * transactions against a store reading with `clusterWideHorizon` (pg_snapshot_xmin of the whole
 * cluster, the rule before roles) and asserts that it delivers nothing while they are held.
 */

const ANALYST = 'crm_analyst';
const WRITER = writerRoleFor('es_horizon_test');

const withDatabase = (url: string, database: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** A session that opened a transaction and took an xid, as `begin; select pg_current_xact_id();` does. */
const holdTransaction = async (url: string): Promise<{ pid: number; release(): Promise<void> }> => {
  const client = new Client({ connectionString: url, application_name: 'horizon-test-holder' });
  await client.connect();
  await client.query('begin');
  await client.query('select pg_current_xact_id()');
  const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? 0;
  return {
    pid,
    release: async () => {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    },
  };
};

describe('PostgreSQL log horizon: only this store’s writers hold it back', () => {
  let adminUrl: string;
  let admin: Pool;
  let writers: Pool;
  const schema = `es_horizon_${uniqueSuffix()}`;

  beforeAll(async () => {
    adminUrl = await requirePostgres();
    admin = new Pool({ connectionString: adminUrl, max: 2 });
    await admin.query(`create role ${ANALYST} login`).catch(() => undefined); // infra/postgres makes it
    await prepareWriterRole(admin, WRITER, [schema]);
    writers = new Pool({ connectionString: connectionUrlAs(adminUrl, WRITER), max: 3 });
    await new PostgresEventStore({ pool: writers, schema }).migrate();
  });

  afterAll(async () => {
    await writers.end();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  const store = (clusterWideHorizon = false): PostgresEventStore =>
    new PostgresEventStore({ pool: writers, schema, clusterWideHorizon });

  /** Appends while `url`'s session holds a transaction; returns what a subscriber got before the release. */
  const deliveredWhileHeld = async (
    reader: PostgresEventStore,
    url: string,
    expectDelivery: boolean,
  ): Promise<{ received: number; appended: number }> => {
    const received: StoredEvent[] = [];
    const subscription = reader.subscribe(
      `horizon-${uniqueSuffix()}`,
      async (event) => {
        received.push(event);
      },
      { pollIntervalMs: 10 },
    );
    await subscription.caughtUp();
    const before = received.length;
    const holder = await holdTransaction(url);
    try {
      const events = [newEvent('WhileHeld0'), newEvent('WhileHeld1'), newEvent('WhileHeld2')];
      await reader.append(`horizon-${uniqueSuffix()}`, events, 'no_stream');
      if (expectDelivery) await waitFor('delivery while held', () => received.length - before >= 3);
      else await sleep(400); // ~40 polls
      return { received: received.length - before, appended: events.length };
    } finally {
      await holder.release();
      await subscription.stop();
    }
  };

  it('keeps delivering while a transaction with an xid is held open in another database', async () => {
    const outcome = await deliveredWhileHeld(store(), withDatabase(adminUrl, 'postgres'), true);
    expect(outcome.received).toBe(outcome.appended);
  });

  it('keeps delivering while the analyst role holds `begin; select pg_current_xact_id()` in this database', async () => {
    const outcome = await deliveredWhileHeld(store(), connectionUrlAs(adminUrl, ANALYST), true);
    expect(outcome.received).toBe(outcome.appended);
  });

  it('waits for a transaction of its own writer role, and names it as the holder', async () => {
    const reader = store();
    const holder = await holdTransaction(connectionUrlAs(adminUrl, WRITER));
    const analyst = await holdTransaction(connectionUrlAs(adminUrl, ANALYST));
    try {
      const seen: string[] = [];
      const subscription = reader.subscribe(`horizon-own-${uniqueSuffix()}`, async (e) => {
        seen.push(e.id);
      });
      const events = [newEvent('BehindWriter')];
      await reader.append(`horizon-own-${uniqueSuffix()}`, events, 'no_stream');
      await sleep(400);
      expect(seen).not.toContain(events[0]?.id);

      const holders = await reader.horizonHolders();
      const named = holders.find((h) => h.pid === holder.pid);
      expect(named).toMatchObject({ role: WRITER, waitingEvents: expect.any(Number) });
      expect(named?.database).toBe(new URL(adminUrl).pathname.slice(1));
      expect(named?.ageSeconds).toEqual(expect.any(Number));
      expect(named?.waitingEvents).toBeGreaterThanOrEqual(1);
      expect(holders.map((h) => h.pid)).not.toContain(analyst.pid);

      await holder.release();
      await waitFor('delivery after the writer ended', () => seen.includes(events[0]?.id ?? ''));
      await subscription.stop();
    } finally {
      await holder.release().catch(() => undefined);
      await analyst.release();
    }
  });

  it('with the cluster-wide horizon the same held transactions stop delivery (so the tests above detect it)', async () => {
    for (const url of [withDatabase(adminUrl, 'postgres'), connectionUrlAs(adminUrl, ANALYST)]) {
      const outcome = await deliveredWhileHeld(store(true), url, false);
      expect(outcome.received).toBe(0);
    }
  });
});
