import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';

/**
 * Locators for the real infrastructure integration tests use. They never skip: when PostgreSQL or
 * Kafka is missing the test fails with a message saying how to start it (infra/test-all.sh does).
 */
export const testDatabaseUrl = (): string =>
  process.env['TEST_DATABASE_URL'] ??
  process.env['DATABASE_URL'] ??
  'postgres://postgres@127.0.0.1:5432/crm_test';

export const testKafkaBrokers = (): string[] =>
  (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(',').map((b) => b.trim());

/** Short unique suffix for schema, topic and group names so test files never share state. */
export const uniqueSuffix = (): string => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

const probe = (host: string, port: number, timeoutMs: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export const requireKafka = async (): Promise<string[]> => {
  const brokers = testKafkaBrokers();
  const [host = '127.0.0.1', port = '19092'] = (brokers[0] ?? '').split(':');
  if (!(await probe(host, Number(port), 2000))) {
    throw new Error(
      `Kafka is not reachable at ${brokers.join(',')}. Start it with 'bash infra/kafka/kafka.sh start' ` +
        `(or run everything with 'bash infra/test-all.sh').`,
    );
  }
  return brokers;
};

export const requirePostgres = async (): Promise<string> => {
  const url = new URL(testDatabaseUrl());
  if (!(await probe(url.hostname, Number(url.port || 5432), 2000))) {
    throw new Error(
      `PostgreSQL is not reachable at ${url.host}. Start it, then run 'bash infra/postgres/init.sh' ` +
        `(or run everything with 'bash infra/test-all.sh').`,
    );
  }
  return url.toString();
};
