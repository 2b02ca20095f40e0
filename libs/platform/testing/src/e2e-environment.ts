import { Kafka, logLevel, type Admin } from 'kafkajs';
import { deleteTestKafkaResources, dropTestSchemas } from './cleanup';
import { requireKafka, requirePostgres, testDatabaseUrl, uniqueSuffix } from './infrastructure';
import { startServiceProcess, type ServiceProcess } from './service-process';

export type E2eReply = { readonly status: number; readonly body: Record<string, unknown> };
export type E2eRequest = [method: 'GET' | 'POST', path: string, who: string, body?: object];

export interface E2eEnvironmentOptions {
  /** Signs the bearer tokens; every process gets it as JWT_SECRET. */
  readonly jwtSecret: string;
  /** Bearer token per named person, signed with `jwtSecret`. */
  readonly tokens: Readonly<Record<string, string>>;
  /**
   * The consumer groups a service process joins, named after its schema; `close` deletes them and
   * their dead-letter topics. Repeated by the caller because a service never imports another's code.
   */
  readonly consumerGroupsOf: (service: string, schema: string) => readonly string[];
  /**
   * `ensureTopics` and `dlqTopicFor` of @crm/messaging, passed in because the messaging lib's own
   * tests depend on this one.
   */
  readonly messaging: {
    readonly ensureTopics: (
      admin: Admin,
      topics: readonly string[],
      o: { numPartitions: number },
    ) => Promise<unknown>;
    readonly dlqTopicFor: (consumer: string) => string;
  };
}

/**
 * What every cross-process test needs: test-unique topics of all four services (created before any
 * process starts, so producers and consumers never race to create them) and schemas, service
 * processes started from their own main.ts, JSON calls as named people, and cleanup.
 */
export const startE2eEnvironment = async (options: E2eEnvironmentOptions) => {
  process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';
  const [, brokers] = await Promise.all([requirePostgres(), requireKafka()]);
  const suffix = uniqueSuffix();
  const topics = {
    CUSTOMERS_TOPIC: `crm.customers.events.v1.e2e${suffix}`,
    INVITATIONS_TOPIC: `crm.invitations.events.v1.e2e${suffix}`,
    COMPLAINTS_TOPIC: `crm.complaints.events.v1.e2e${suffix}`,
    CREDIT_TOPIC: `crm.credit.events.v1.e2e${suffix}`,
  };
  const schema = (service: string): string => `${service}_e2e_${suffix}`;
  const kafka = new Kafka({ clientId: `e2e-${suffix}`, brokers: [...brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await options.messaging.ensureTopics(admin, Object.values(topics), { numPartitions: 1 });
  } finally {
    await admin.disconnect();
  }
  const services = new Set<string>();
  const processes: ServiceProcess[] = [];

  const env = (service: string, extra: Readonly<Record<string, string>> = {}): Record<string, string> => {
    services.add(service);
    return {
      NODE_ENV: 'test',
      DATABASE_URL: testDatabaseUrl(),
      KAFKA_BROKERS: brokers.join(','),
      JWT_SECRET: options.jwtSecret,
      LOG_LEVEL: 'warn',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      ...topics,
      SCHEMA: schema(service),
      ...extra,
    };
  };

  const call = async (service: ServiceProcess | undefined, ...request: E2eRequest): Promise<E2eReply> => {
    const [method, path, who, body] = request;
    if (service === undefined) throw new Error('service not started');
    const res = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${options.tokens[who] ?? ''}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  return {
    suffix,
    kafka,
    topics,
    /** The PostgreSQL schema of a service process of this file. */
    schema,
    /** The environment of one service process: its own schema, this file's topics. */
    env,
    /** Starts one service from its main.ts with `env(service, extra)`. */
    start: async (service: string, extra: Readonly<Record<string, string>> = {}): Promise<ServiceProcess> => {
      const started = await startServiceProcess(service, env(service, extra));
      processes.push(started);
      return started;
    },
    /** A JSON call as a named person; the reply with its parsed body whatever its status. */
    call,
    /** A JSON call that must answer `status`; otherwise fails with the body and the process's log tail. */
    expectStatus: async (
      what: string,
      service: ServiceProcess | undefined,
      status: number,
      ...request: E2eRequest
    ): Promise<Record<string, unknown>> => {
      const res = await call(service, ...request);
      if (res.status !== status)
        throw new Error(
          `${what}: ${res.status} ${JSON.stringify(res.body)}\n${service?.output().slice(-2000) ?? ''}`,
        );
      return res.body;
    },
    /** Stops the processes (after which nothing writes any more), then drops what they made. */
    close: async (others: readonly (ServiceProcess | undefined)[] = []): Promise<void> => {
      await Promise.all([...processes, ...others].map((p) => p?.stop()));
      await dropTestSchemas([...services].flatMap((s) => [schema(s), `${schema(s)}_read`]));
      const groups = [...services].flatMap((s) => options.consumerGroupsOf(s, schema(s)));
      await deleteTestKafkaResources(
        { topics: [...Object.values(topics), ...groups.map(options.messaging.dlqTopicFor)], groups },
        brokers,
      );
    },
  };
};

export type E2eEnvironment = Awaited<ReturnType<typeof startE2eEnvironment>>;
