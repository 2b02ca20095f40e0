import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { parsePersonalData } from '@crm/customers-domain';
import { requirePostgres, uniqueSuffix } from '@crm/testing';
import { PiiVault } from './pii-vault';
import { newDataKey, openWithKey, sealWithKey } from './personal-data-cipher';

const MASTER_KEY = randomBytes(32);

describe('PiiVault (real PostgreSQL)', () => {
  const schema = `pii_${uniqueSuffix()}`;
  let pool: Pool;
  let vault: PiiVault;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await requirePostgres(), max: 4 });
    vault = new PiiVault(pool, schema, 'test-secret', MASTER_KEY);
    await Promise.all([vault.migrate(), vault.migrate()]);
  });

  afterAll(async () => {
    await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  });

  const data = parsePersonalData({ name: '李雷', mobile: '13900001111', address: '杭州' });

  it('seals with a per-customer key and opens it again', async () => {
    const sealed = (await vault.sealerFor('c-1')).seal(data);
    expect(await vault.open('c-1', sealed)).toEqual({ status: 'available', data });
  });

  it('stores the data key wrapped with the master key: the key table alone opens nothing', async () => {
    const sealed = (await vault.sealerFor('c-1')).seal(data);
    const stored = await pool.query(`select key, kek_id from "${schema}".pii_keys where customer_id = 'c-1'`);
    const row = stored.rows[0] as { key: Buffer; kek_id: string };
    expect(row.key).toHaveLength(12 + 16 + 32);
    expect(row.kek_id).toMatch(/^[0-9a-f]{16}$/);
    expect(() => openWithKey(row.key.subarray(0, 32), 'c-1', sealed)).toThrow();
    expect(() => openWithKey(row.key.subarray(28), 'c-1', sealed)).toThrow();
    // Another master key cannot unwrap it.
    const stranger = new PiiVault(pool, schema, 'test-secret', randomBytes(32));
    await expect(stranger.open('c-1', sealed)).rejects.toThrow(/another master key/);
  });

  it('wraps keys stored before wrapping existed when it migrates', async () => {
    const legacyKey = newDataKey();
    const keyId = randomUUID();
    await pool.query(
      `insert into "${schema}".pii_keys (customer_id, key_id, key) values ('c-legacy', $1, $2)`,
      [keyId, legacyKey],
    );
    const sealed = sealWithKey(legacyKey, keyId, 'c-legacy', data);
    await vault.migrate();
    const stored = await pool.query(
      `select key, kek_id from "${schema}".pii_keys where customer_id = 'c-legacy'`,
    );
    expect((stored.rows[0] as { key: Buffer }).key.equals(legacyKey)).toBe(false);
    expect(await vault.open('c-legacy', sealed)).toEqual({ status: 'available', data });
  });

  it('reuses the key when a registration is retried', async () => {
    const first = await vault.sealerFor('c-2');
    const second = await vault.sealerFor('c-2');
    expect(second.keyId).toBe(first.keyId);
    expect(await vault.open('c-2', first.seal(data))).toEqual({ status: 'available', data });
  });

  it('leaves no key behind when the registration transaction rolls back', async () => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await vault.sealerFor('c-3', client);
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect((await pool.query(`select 1 from "${schema}".pii_keys where customer_id = 'c-3'`)).rowCount).toBe(
      0,
    );
  });

  it('forgetting deletes the key and every copy becomes unreadable', async () => {
    const sealed = (await vault.sealerFor('c-4')).seal(data);
    const copy = JSON.parse(JSON.stringify(sealed)) as typeof sealed;
    expect(await vault.forget('c-4')).toBe(true);
    expect(await vault.open('c-4', sealed)).toEqual({ status: 'forgotten' });
    expect(await vault.open('c-4', copy)).toEqual({ status: 'forgotten' });
    // A new key for the same id (should it ever be made) cannot open the old copies either.
    await vault.sealerFor('c-4');
    expect(await vault.open('c-4', copy)).toEqual({ status: 'forgotten' });
  });

  it('opens a page of customers in one call', async () => {
    const a = (await vault.sealerFor('c-5')).seal(data);
    const b = (await vault.sealerFor('c-6')).seal({ ...data, name: '韩梅梅' });
    const opened = await vault.openMany([
      { customerId: 'c-5', sealed: a },
      { customerId: 'c-6', sealed: b },
      { customerId: 'c-404', sealed: a },
    ]);
    expect(opened.get('c-5')).toEqual({ status: 'available', data });
    expect(opened.get('c-6')).toMatchObject({ data: { name: '韩梅梅' } });
    expect(opened.get('c-404')).toEqual({ status: 'forgotten' });
  });
});
