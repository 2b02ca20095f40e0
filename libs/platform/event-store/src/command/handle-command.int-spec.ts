import { Pool } from 'pg';
import { DomainError } from '@crm/event-sourcing';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { contextFor, seatDecider } from './claim.fixture';
import { handleCommand } from './handle-command';

describe('handleCommand under real concurrency (PostgreSQL)', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const schema = `es_cmd_${uniqueSuffix()}`;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await requirePostgres(), max: 12 });
    store = new PostgresEventStore({ pool, schema });
    await store.migrate();
  });

  afterAll(async () => {
    await pool.query(`drop schema if exists ${schema} cascade`);
    await pool.end();
  });

  it('of 12 simultaneous claims exactly one wins; every other gets the refusal naming the winner', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        handleCommand(
          store,
          'seat-contested',
          seatDecider,
          { type: 'ClaimSeat', data: { by: `bu-${i}` } },
          contextFor(`claim-${i}`),
          { retries: 20 },
        ),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(11);
    const winner = (won[0] as PromiseFulfilledResult<{ state: { by?: string } }>).value.state.by;
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(DomainError);
      expect(reason).toMatchObject({ kind: 'conflict', details: { heldBy: winner } });
    }
    expect(await store.streamVersion('seat-contested')).toBe(0);
  });

  it('12 simultaneous notes all land, each decided on the state it was appended to', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        handleCommand(
          store,
          'seat-notes',
          seatDecider,
          { type: 'AddNote', data: { text: `n${i}` } },
          contextFor(`note-${i}`),
          { retries: 20 },
        ),
      ),
    );
    expect(await store.streamVersion('seat-notes')).toBe(11);
  });
});
