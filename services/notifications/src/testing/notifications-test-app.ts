import type { NestExpressApplication } from '@nestjs/platform-express';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Pool } from 'pg';
import { createTestApp, loadConfig, mintToken, testServiceEnv, type TokenClaims } from '@crm/nest';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import {
  seedStaffMembers,
  staffReplicaConsumerName,
  startStaffReplicaConsumer,
  type SeededMember,
} from '@crm/staff-replica';
import {
  deleteTestKafkaResources,
  dropTestSchemas,
  requireKafka,
  requirePostgres,
  testDatabaseUrl,
  uniqueSuffix,
} from '@crm/testing';
import { NotificationsConfig } from '../config/notifications.config';
import { noticesConsumerName, startNoticesConsumer } from '../inbound/start-notices-consumer';
import { notificationsModule } from '../notifications.module';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

export const TEST_JWT_SECRET = 'notifications-test-jwt-secret-0123456789';

export interface NotificationsTestApp {
  /** The running app (a new one after `restart()`). */
  readonly app: NestExpressApplication;
  readonly config: NotificationsConfig;
  readonly kafka: Kafka;
  readonly producer: Producer;
  readonly pool: Pool;
  readonly mail: MailCatcher;
  readonly robots: WebhookReceiver;
  seed(members: readonly SeededMember[]): Promise<void>;
  token(claims: Partial<TokenClaims>): Promise<string>;
  /** Stops the app as a crash or deployment would and starts it again on the same schema and topics. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The notifications app as main.ts wires it (HTTP, staff replica and notices consumers, delivery
 * timers every 100 ms) on real PostgreSQL and Kafka with a schema and topics of its own, a real SMTP
 * server and a local receiver for the group-robot webhooks. Deliveries give up after 3 attempts
 * unless `env` says otherwise.
 */
export const startNotificationsTestApp = async (
  env: Readonly<Record<string, string>> = {},
): Promise<NotificationsTestApp> => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const [mail, robots] = await Promise.all([startMailCatcher(), startWebhookReceiver()]);
  const config = loadConfig(NotificationsConfig, {
    ...testServiceEnv({ databaseUrl: testDatabaseUrl(), brokers, jwtSecret: TEST_JWT_SECRET }),
    SCHEMA: `ntf_${suffix}`,
    CUSTOMERS_TOPIC: `crm.customers.events.v1.ntf${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.ntf${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.ntf${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.ntf${suffix}`,
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    WEBHOOK_HOSTS: '127.0.0.1',
    DELIVERY_TIMEOUT_MS: '3000',
    DELIVERY_MAX_ATTEMPTS: '3',
    CONSOLE_URL: 'https://crm.example.cn',
    ...env,
  });
  const topics = [
    config.CUSTOMERS_TOPIC,
    config.COMPLAINTS_TOPIC,
    config.CREDIT_TOPIC,
    config.INVITATIONS_TOPIC,
  ];
  const kafka = new Kafka({ clientId: `ntf-test-${suffix}`, brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, topics).finally(() => admin.disconnect());
  const producer = kafka.producer();
  await producer.connect();

  const boot = async (): Promise<NestExpressApplication> => {
    const app = await createTestApp(notificationsModule(config, { timerIntervalMs: 100 }));
    await startStaffReplicaConsumer(app, config.CUSTOMERS_TOPIC);
    await startNoticesConsumer(app);
    return app;
  };
  let app = await boot();
  const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
  const consumers = [noticesConsumerName(config), staffReplicaConsumerName(config.SCHEMA)];
  return {
    get app() {
      return app;
    },
    config,
    kafka,
    producer,
    pool,
    mail,
    robots,
    seed: (members) => seedStaffMembers(app, members),
    token: (claims) =>
      mintToken({ sub: 'e-001', roles: ['staff'], bu: 'bu-1', ...claims }, TEST_JWT_SECRET, '30m'),
    restart: async () => {
      await app.close();
      app = await boot();
    },
    close: async () => {
      await producer.disconnect();
      await app.close();
      await pool.end();
      await Promise.all([mail.close(), robots.close()]);
      await dropTestSchemas([config.SCHEMA, config.readSchema()]);
      await deleteTestKafkaResources(
        { topics: [...topics, ...consumers.map(dlqTopicFor)], groups: consumers },
        brokers,
      );
    },
  };
};
