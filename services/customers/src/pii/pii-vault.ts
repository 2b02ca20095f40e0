import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { migrateSchema, qualifiedName } from '@crm/postgres';
import {
  parseMobileNumber,
  type MobileNumber,
  type PersonalData,
  type SealedPersonalData,
} from '@crm/customers-domain';
import { mobileLookupKey } from './mobile-lookup-key';
import {
  KEY_BYTES,
  masterKeyId,
  newDataKey,
  openWithKey,
  sealWithKey,
  unwrapDataKey,
  wrapDataKey,
} from './personal-data-cipher';

type Db = Pool | PoolClient;

/** Seals one customer's personal data synchronously, with a key that already exists. */
export interface PersonalDataSealer {
  readonly keyId: string;
  seal(data: PersonalData): SealedPersonalData;
}

/** What a reader gets back: the data, or the fact that it was forgotten (key deleted). */
export type OpenedPersonalData =
  { readonly status: 'available'; readonly data: PersonalData } | { readonly status: 'forgotten' };

interface KeyRow {
  customer_id: string;
  key_id: string;
  key: Buffer;
  kek_id: string | null;
}

/**
 * Per-customer data keys (architecture §8, crypto-shredding). Personal data is sealed before it
 * enters an event, so every copy - event store, Kafka, other services' tables - depends on the one
 * row here: deleting it (`forget`) makes all of them unreadable while the history stays intact.
 * Keys are stored wrapped with the master key (KEK, `PII_MASTER_KEY`), so the table alone opens
 * nothing; `kek_id` names the master key that wrapped each row. Rows written before wrapping existed
 * are wrapped by `migrate`.
 */
export class PiiVault {
  private readonly table: string;
  private readonly kekId: string;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly hmacSecret: string,
    private readonly masterKey: Buffer,
  ) {
    if (masterKey.length !== KEY_BYTES) throw new Error(`the PII master key must be ${KEY_BYTES} bytes`);
    this.table = qualifiedName(schema, 'pii_keys');
    this.kekId = masterKeyId(masterKey);
  }

  migrate(): Promise<void> {
    return migrateSchema(this.pool, this.schema, async (client) => {
      await client.query(`create table if not exists ${this.table} (
        customer_id text primary key,
        key_id uuid not null unique,
        key bytea not null,
        created_at timestamptz not null default now()
      )`);
      await client.query(`alter table ${this.table} add column if not exists kek_id text`);
      // Keys stored before wrapping existed are wrapped now, inside the migration's transaction.
      const legacy = await client.query<KeyRow>(
        `select customer_id, key_id, key, kek_id from ${this.table} where kek_id is null for update`,
      );
      for (const row of legacy.rows) {
        await client.query(`update ${this.table} set key = $2, kek_id = $3 where customer_id = $1`, [
          row.customer_id,
          wrapDataKey(this.masterKey, row.customer_id, row.key_id, row.key),
          this.kekId,
        ]);
      }
    });
  }

  /** The plain data key of a row; refuses a row wrapped under another master key. */
  private dataKey(row: KeyRow): Buffer {
    if (row.kek_id !== this.kekId) {
      throw new Error(
        `the key of customer ${row.customer_id} is wrapped with another master key (${row.kek_id})`,
      );
    }
    return unwrapDataKey(this.masterKey, row.customer_id, row.key_id, row.key);
  }

  mobileKey(mobile: MobileNumber): string {
    return mobileLookupKey(this.hmacSecret, mobile);
  }

  /**
   * Creates the customer's key (or returns the existing one when a registration is retried). Pass
   * the transaction the registration commits in, so a refused registration leaves no key behind.
   */
  async sealerFor(customerId: string, db: Db = this.pool): Promise<PersonalDataSealer> {
    const newKeyId = randomUUID();
    await db.query(
      `insert into ${this.table} (customer_id, key_id, key, kek_id) values ($1, $2, $3, $4)
       on conflict (customer_id) do nothing`,
      [customerId, newKeyId, wrapDataKey(this.masterKey, customerId, newKeyId, newDataKey()), this.kekId],
    );
    const row = (
      await db.query<KeyRow>(
        `select customer_id, key_id, key, kek_id from ${this.table} where customer_id = $1`,
        [customerId],
      )
    ).rows[0];
    if (row === undefined) throw new Error(`no personal data key for customer ${customerId}`);
    const key = this.dataKey(row);
    const keyId = row.key_id;
    return { keyId, seal: (data) => sealWithKey(key, keyId, customerId, data) };
  }

  async open(customerId: string, sealed: SealedPersonalData): Promise<OpenedPersonalData> {
    return (await this.openMany([{ customerId, sealed }])).get(customerId) ?? { status: 'forgotten' };
  }

  /** One query for a whole page of customers. */
  async openMany(
    items: readonly { readonly customerId: string; readonly sealed: SealedPersonalData }[],
  ): Promise<Map<string, OpenedPersonalData>> {
    const result = new Map<string, OpenedPersonalData>();
    if (items.length === 0) return result;
    const ids = [...new Set(items.map((i) => i.customerId))];
    const rows = await this.pool.query<KeyRow>(
      `select customer_id, key_id, key, kek_id from ${this.table} where customer_id = any($1::text[])`,
      [ids],
    );
    const keys = new Map(rows.rows.map((r) => [r.customer_id, r]));
    for (const { customerId, sealed } of items) {
      const row = keys.get(customerId);
      if (row === undefined || row.key_id !== sealed.keyId) {
        result.set(customerId, { status: 'forgotten' });
        continue;
      }
      result.set(customerId, {
        status: 'available',
        data: toPersonalData(openWithKey(this.dataKey(row), customerId, sealed)),
      });
    }
    return result;
  }

  /** Crypto-shredding: afterwards no copy of this customer's personal data can be opened. */
  async forget(customerId: string, db: Db = this.pool): Promise<boolean> {
    const result = await db.query(`delete from ${this.table} where customer_id = $1`, [customerId]);
    return (result.rowCount ?? 0) > 0;
  }
}

const toPersonalData = (value: unknown): PersonalData => {
  if (typeof value !== 'object' || value === null) throw new Error('sealed personal data is not an object');
  const { name, mobile, address } = value as Record<string, unknown>;
  if (typeof name !== 'string' || typeof mobile !== 'string')
    throw new Error('sealed personal data lacks name or mobile');
  const parsed = parseMobileNumber(mobile);
  return typeof address === 'string' ? { name, mobile: parsed, address } : { name, mobile: parsed };
};
