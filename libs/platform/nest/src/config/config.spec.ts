import { IsInt, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ConfigValidationError, loadConfig } from './load-config';
import { DEV_IDEMPOTENCY_HASH_SECRET, DEV_JWT_SECRET, PlatformConfig } from './platform-config';

class ServiceConfig extends PlatformConfig {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  BATCH_SIZE: number = 100;
}

const errorOf = (fn: () => unknown): ConfigValidationError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigValidationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigValidationError');
};

describe('loadConfig', () => {
  const DEV = { NODE_ENV: 'development' };

  it('fills local defaults and the labelled dev secret in development', () => {
    const config = loadConfig(PlatformConfig, DEV);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/crm');
    expect(config.KAFKA_BROKERS).toBe('127.0.0.1:19092');
    expect(config.EVENT_STORE).toBe('postgres');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.JWT_SECRET).toBe(DEV_JWT_SECRET);
    expect(config.PORT).toBeUndefined();
    expect(config.kafkaBrokers()).toEqual(['127.0.0.1:19092']);
  });

  it('converts and validates service-specific variables of a subclass and ignores undeclared ones', () => {
    const config = loadConfig(ServiceConfig, { ...DEV, BATCH_SIZE: '25', PORT: '3001', PATH: '/usr/bin' });
    expect(config).toBeInstanceOf(ServiceConfig);
    expect(config.BATCH_SIZE).toBe(25);
    expect(config.PORT).toBe(3001);
    expect(Object.keys(config)).not.toContain('PATH');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig(PlatformConfig, { ...DEV, PORT: '', LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
  });

  it('lists every invalid variable in one error', () => {
    const error = errorOf(() =>
      loadConfig(ServiceConfig, {
        ...DEV,
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        EVENT_STORE: 'eventstoredb',
        BATCH_SIZE: '0',
      }),
    );
    const fields = error.problems.map((p) => p.split(':')[0]);
    expect(new Set(fields)).toEqual(new Set(['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'ESDB_URL', 'BATCH_SIZE']));
    expect(error.message).toContain('PORT');
    expect(error.message).toContain('ESDB_URL');
  });

  it('requires a real JWT secret in production unless a JWKS URL is configured', () => {
    const real = { IDEMPOTENCY_HASH_SECRET: 'i'.repeat(40) };
    expect(errorOf(() => loadConfig(PlatformConfig, { NODE_ENV: 'production', ...real })).problems).toEqual([
      expect.stringMatching(/^JWT_SECRET: .*required.*NODE_ENV is development or test.*'production'/),
    ]);
    expect(
      errorOf(() => loadConfig(PlatformConfig, { NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET }))
        .message,
    ).toContain('development value');
    const jwks = loadConfig(PlatformConfig, {
      NODE_ENV: 'production',
      ...real,
      JWT_JWKS_URL: 'https://idp/jwks.json',
    });
    expect(jwks.JWT_SECRET).toBeUndefined();
    expect(
      loadConfig(PlatformConfig, { NODE_ENV: 'production', ...real, JWT_SECRET: 'x'.repeat(40) }).JWT_SECRET,
    ).toBe('x'.repeat(40));
  });

  it('requires a real idempotency hash secret in production and keys the hash with the dev one in test', () => {
    const jwt = { JWT_SECRET: 'x'.repeat(40) };
    expect(errorOf(() => loadConfig(PlatformConfig, { NODE_ENV: 'production', ...jwt })).problems).toEqual([
      expect.stringMatching(/^IDEMPOTENCY_HASH_SECRET: .*required.*NODE_ENV is development or test/),
    ]);
    expect(
      errorOf(() =>
        loadConfig(PlatformConfig, {
          NODE_ENV: 'production',
          ...jwt,
          IDEMPOTENCY_HASH_SECRET: DEV_IDEMPOTENCY_HASH_SECRET,
        }),
      ).message,
    ).toContain('development value');
    expect(loadConfig(PlatformConfig, { NODE_ENV: 'test' }).idempotencyHashSecret()).toBe(
      DEV_IDEMPOTENCY_HASH_SECRET,
    );
  });

  it.each(['development', 'test'])('uses the development secret when NODE_ENV is %s', (env) => {
    expect(loadConfig(PlatformConfig, { NODE_ENV: env }).JWT_SECRET).toBe(DEV_JWT_SECRET);
  });

  it.each([
    ['unset', {}],
    ['empty', { NODE_ENV: '' }],
    ['staging', { NODE_ENV: 'staging' }],
    ['Development (wrong case)', { NODE_ENV: 'Development' }],
  ])('refuses to start without a real JWT secret when NODE_ENV is %s', (_label, env) => {
    const { problems } = errorOf(() => loadConfig(PlatformConfig, env));
    expect(problems).toEqual([
      expect.stringMatching(/^JWT_SECRET: .*required.*NODE_ENV is development or test/),
      expect.stringMatching(/^IDEMPOTENCY_HASH_SECRET: .*required.*NODE_ENV is development or test/),
    ]);
    const real = { ...env, IDEMPOTENCY_HASH_SECRET: 'i'.repeat(40) };
    expect(() => loadConfig(PlatformConfig, { ...real, JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development/);
    expect(loadConfig(PlatformConfig, { ...real, JWT_SECRET: 's'.repeat(40) }).JWT_SECRET).toBe(
      's'.repeat(40),
    );
  });

  it('does not echo secret values in the error', () => {
    const error = errorOf(() => loadConfig(PlatformConfig, { ...DEV, JWT_SECRET: 'short-s3cr3t' }));
    expect(error.message).toContain('JWT_SECRET');
    expect(error.message).not.toContain('short-s3cr3t');
  });
});
