import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { type CommandContext, DomainError } from '@crm/event-sourcing';
import { PostgresEventStore, type StoredEvent } from '@crm/event-store';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { readPolicyDocuments, seedPolicyDocuments } from './default-policies';
import {
  POLICY_VERSION_ADOPTED,
  policyAdoptionEventId,
  type PolicyDocument,
  policyStreamId,
} from './policy-document';
import { PolicyRegistry } from './policy-registry';

const schema = `policy_es_${uniqueSuffix()}`;
let pool: Pool;
let store: PostgresEventStore;

interface LapseParams {
  readonly lapseAfterMonths: number;
  readonly watchWindowDays: number;
}

const ctx = (commandId: string, actorId = 'u-director'): CommandContext => ({
  actor: { id: actorId, role: 'resource_director', bu: 'bu-1' },
  now: new Date('2025-02-01T02:00:00.000Z'),
  commandId,
  correlationId: `corr-${commandId}`,
  reason: 'board decision 2025-07',
});

const lapse = (
  version: string,
  effectiveFrom: string,
  lapseAfterMonths: number,
): PolicyDocument<LapseParams> => ({
  policyId: 'customers.service-lapse',
  version,
  effectiveFrom,
  params: { lapseAfterMonths, watchWindowDays: 14 },
});

const events = async (policyId: string): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  for await (const event of store.readStream(policyStreamId(policyId))) all.push(event);
  return all;
};

const refusalOf = async (work: Promise<unknown>): Promise<DomainError> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

beforeAll(async () => {
  pool = new Pool({ connectionString: await requirePostgres(), max: 6 });
  store = new PostgresEventStore({ pool, schema });
  await store.migrate();
});

afterAll(async () => {
  await store.close();
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await pool.end();
});

describe('PolicyRegistry on the PostgreSQL event store', () => {
  const registry = (): PolicyRegistry => new PolicyRegistry(store, { maxCacheAgeMs: 60_000 });

  it('records adoption as an event with the actor metadata and answers which version is in force', async () => {
    const policies = registry();
    const v1 = await policies.adopt(lapse('v1', '2025-01-01T00:00:00+08:00', 3), ctx('cmd-1'));
    expect(v1).toMatchObject({ version: 'v1', adoptedBy: 'u-director', reason: 'board decision 2025-07' });
    await policies.adopt(lapse('v2', '2025-06-01T00:00:00+08:00', 4), ctx('cmd-2', 'u-gm'));

    const stored = await events('customers.service-lapse');
    expect(stored.map((event) => [event.type, event.data['version']])).toEqual([
      [POLICY_VERSION_ADOPTED, 'v1'],
      [POLICY_VERSION_ADOPTED, 'v2'],
    ]);
    expect(stored[1]?.id).toBe(policyAdoptionEventId('customers.service-lapse', 'v2'));
    expect(stored[1]?.metadata).toMatchObject({
      actor: { id: 'u-gm', role: 'resource_director', bu: 'bu-1' },
      commandId: 'cmd-2',
      correlationId: 'corr-cmd-2',
      reason: 'board decision 2025-07',
    });

    const inForce = async (iso: string): Promise<string | undefined> =>
      (await policies.find<LapseParams>('customers.service-lapse', new Date(iso)))?.version;
    expect(await inForce('2024-12-31T15:59:59.999Z')).toBeUndefined();
    expect(await inForce('2024-12-31T16:00:00.000Z')).toBe('v1');
    expect(await inForce('2025-05-31T15:59:59.999Z')).toBe('v1');
    expect(await inForce('2025-05-31T16:00:00.000Z')).toBe('v2');
    const current = await policies.current<LapseParams>('customers.service-lapse', new Date('2026-01-01'));
    expect(current.params.lapseAfterMonths).toBe(4);

    const none = await refusalOf(policies.current('customers.service-lapse', new Date('2024-01-01')));
    expect([none.kind, none.code]).toEqual(['not_found', 'policy.not_in_force']);

    // A fresh replica reads the same history from the stream.
    expect((await registry().history('customers.service-lapse')).map((doc) => doc.version)).toEqual([
      'v1',
      'v2',
    ]);
  });

  it('refuses a duplicate version and an effectiveFrom before the current version', async () => {
    const policies = registry();
    const id = 'credit.limits';
    await policies.adopt({ ...lapse('v1', '2025-03-01T00:00:00Z', 3), policyId: id }, ctx('c-1'));

    const duplicate = await refusalOf(
      policies.adopt({ ...lapse('v1', '2025-09-01T00:00:00Z', 5), policyId: id }, ctx('c-2')),
    );
    expect([duplicate.kind, duplicate.code]).toEqual(['conflict', 'policy.version_exists']);

    const backdated = await refusalOf(
      policies.adopt({ ...lapse('v2', '2025-02-28T00:00:00Z', 5), policyId: id }, ctx('c-3')),
    );
    expect([backdated.kind, backdated.code]).toEqual(['rule', 'policy.effective_from_before_current']);

    const invalid = await refusalOf(
      policies.adopt({ ...lapse('2', '2025-09-01T00:00:00Z', 5), policyId: id }, ctx('c-4')),
    );
    expect(invalid.kind).toBe('invalid');

    expect((await events(id)).map((event) => event.data['version'])).toEqual(['v1']);
  });

  it('lets exactly one of two replicas adopt the same version concurrently', async () => {
    const id = 'invitations.quota';
    const [a, b] = [registry(), registry()];
    const outcomes = await Promise.allSettled([
      a.adopt({ ...lapse('v1', '2025-01-01T00:00:00Z', 3), policyId: id }, ctx('race-a', 'u-a')),
      b.adopt({ ...lapse('v1', '2025-01-01T00:00:00Z', 6), policyId: id }, ctx('race-b', 'u-b')),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({
      code: 'policy.version_exists',
    });
    expect(await events(id)).toHaveLength(1);
  });

  it('sees versions adopted by another replica once its cache refreshes', async () => {
    const id = 'complaints.deadlines';
    const reader = registry();
    const writer = registry();
    await writer.adopt({ ...lapse('v1', '2025-01-01T00:00:00Z', 3), policyId: id }, ctx('r-1'));
    expect((await reader.history(id)).map((doc) => doc.version)).toEqual(['v1']);
    await writer.adopt({ ...lapse('v2', '2025-02-01T00:00:00Z', 2), policyId: id }, ctx('r-2'));
    expect((await reader.history(id)).map((doc) => doc.version)).toEqual(['v1']); // cached
    await reader.refresh(id);
    expect((await reader.current(id, new Date('2025-03-01'))).version).toBe('v2');
  });
});

describe('seeding default documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-seed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const defaults = (lapseAfterMonths: number): string => {
    const file = join(dir, `defaults-${lapseAfterMonths}.json`);
    writeFileSync(
      file,
      JSON.stringify([
        {
          policyId: 'seed.lapse',
          version: 'v1',
          effectiveFrom: '2020-01-01T00:00:00Z',
          params: { lapseAfterMonths },
        },
        {
          policyId: 'seed.points',
          version: 'v1',
          effectiveFrom: '2020-01-01T00:00:00Z',
          params: { perMeeting: 100 },
        },
      ]),
    );
    return file;
  };

  it('adopts on first boot, is a no-op on every later boot and across racing replicas', async () => {
    const documents = readPolicyDocuments(defaults(3));
    const racing = await Promise.all(
      [0, 1, 2].map(() => seedPolicyDocuments(new PolicyRegistry(store), documents)),
    );
    for (const results of racing) expect(results.map((r) => r.version)).toEqual(['v1', 'v1']);
    const again = await seedPolicyDocuments(new PolicyRegistry(store), documents);
    expect(again.map((r) => r.outcome)).toEqual(['present', 'present']);

    const lapseEvents = await events('seed.lapse');
    expect(lapseEvents).toHaveLength(1);
    expect(lapseEvents[0]?.metadata.actor.id).toBe('system:policy-seed');
    expect(await events('seed.points')).toHaveLength(1);
  });

  it('fails loudly when the code default differs from the adopted version', async () => {
    const changed = readPolicyDocuments(defaults(5));
    const mismatch = await refusalOf(seedPolicyDocuments(new PolicyRegistry(store), changed));
    expect(mismatch.code).toBe('policy.seed_mismatch');
    expect(await events('seed.lapse')).toHaveLength(1);
  });
});
