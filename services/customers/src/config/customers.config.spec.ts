import { ConfigValidationError, loadConfig } from '@crm/nest';
import { CustomersConfig, DEV_PII_HMAC_SECRET } from './customers.config';

const DEV = { NODE_ENV: 'development' };
const REAL = {
  JWT_SECRET: 'j'.repeat(40),
  IDEMPOTENCY_HASH_SECRET: 'i'.repeat(40),
  PII_HMAC_SECRET: 'h'.repeat(40),
};

describe('CustomersConfig', () => {
  it('has local defaults', () => {
    const config = loadConfig(CustomersConfig, DEV);
    expect(config.SCHEMA).toBe('customers');
    expect(config.readSchema()).toBe('customers_read');
    expect(config.CUSTOMERS_TOPIC).toBe('crm.customers.events.v1');
    expect(config.piiHmacSecret()).toBe(DEV_PII_HMAC_SECRET);
  });

  it('takes overrides used by tests and deployments', () => {
    const config = loadConfig(CustomersConfig, {
      ...DEV,
      SCHEMA: 'cust_t1',
      CUSTOMERS_TOPIC: 'crm.t1.customers',
      PII_HMAC_SECRET: 'x'.repeat(32),
    });
    expect([config.SCHEMA, config.CUSTOMERS_TOPIC, config.piiHmacSecret()]).toEqual([
      'cust_t1',
      'crm.t1.customers',
      'x'.repeat(32),
    ]);
  });

  it('refuses a bad schema, a short secret, and a missing secret in production', () => {
    expect(() => loadConfig(CustomersConfig, { ...DEV, SCHEMA: 'Drop Table' })).toThrow(
      ConfigValidationError,
    );
    expect(() => loadConfig(CustomersConfig, { ...DEV, PII_HMAC_SECRET: 'short' })).toThrow(
      /PII_HMAC_SECRET/,
    );
    expect(() => loadConfig(CustomersConfig, { NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(40) })).toThrow(
      /PII_HMAC_SECRET/,
    );
  });

  it('takes a 32-byte base64 master key, refuses a malformed one, and requires one in production', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig(CustomersConfig, { ...DEV, PII_MASTER_KEY: key }).piiMasterKey()).toEqual(
      Buffer.alloc(32, 7),
    );
    expect(loadConfig(CustomersConfig, DEV).piiMasterKey()).toHaveLength(32);
    expect(() => loadConfig(CustomersConfig, { ...DEV, PII_MASTER_KEY: 'c2hvcnQ=' })).toThrow(
      /PII_MASTER_KEY/,
    );
    expect(() =>
      loadConfig(CustomersConfig, {
        NODE_ENV: 'production',
        JWT_SECRET: 'j'.repeat(40),
        PII_HMAC_SECRET: 'h'.repeat(40),
      }),
    ).toThrow(/PII_MASTER_KEY/);
  });

  it('uses the development PII keys only when NODE_ENV is development or test', () => {
    const key = Buffer.alloc(32, 9).toString('base64');
    for (const env of [{}, { NODE_ENV: 'staging' }, { NODE_ENV: 'production' }]) {
      const error = (() => {
        try {
          loadConfig(CustomersConfig, {
            ...env,
            JWT_SECRET: 'j'.repeat(40),
            IDEMPOTENCY_HASH_SECRET: 'i'.repeat(40),
          });
        } catch (e) {
          return e as ConfigValidationError;
        }
        throw new Error(`started without PII keys (${JSON.stringify(env)})`);
      })();
      expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'PII_HMAC_SECRET',
        'PII_MASTER_KEY',
      ]);
      expect(() =>
        loadConfig(CustomersConfig, {
          ...env,
          ...REAL,
          PII_HMAC_SECRET: DEV_PII_HMAC_SECRET,
          PII_MASTER_KEY: key,
        }),
      ).toThrow(/PII_HMAC_SECRET: .*development/);
      expect(loadConfig(CustomersConfig, { ...env, ...REAL, PII_MASTER_KEY: key }).piiMasterKey()).toEqual(
        Buffer.alloc(32, 9),
      );
    }
    expect(loadConfig(CustomersConfig, { NODE_ENV: 'test' }).piiHmacSecret()).toBe(DEV_PII_HMAC_SECRET);
  });
});
