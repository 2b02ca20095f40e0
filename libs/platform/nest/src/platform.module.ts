import { DynamicModule, Module, Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { EventStore } from '@crm/event-store';
import { Clock, DurableTimers, type PolicyDocument, PolicyRegistry, SystemClock } from '@crm/policy';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Pool } from 'pg';
import { AuditController } from './audit/audit.controller';
import { PoliciesController } from './policy/policies.controller';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { InboxConsumerRegistry } from './pipeline/inbox-consumer-registry';
import { PolicySeeder } from './policy/policy-seeder';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { RolesGuard } from './auth/roles.guard';
import { InputSafetyGuard } from './input/input-safety.guard';
import { TokenVerifier } from './auth/token-verifier';
import { createEventStore } from './bootstrap/create-event-store';
import { connectServicePool } from './bootstrap/create-service-pool';
import { ReadModelAccess } from './bootstrap/read-model-access';
import { instrumentEventStore } from './bootstrap/instrumented-event-store';
import { PlatformLifecycle } from './bootstrap/platform-lifecycle';
import { PlatformConfig } from './config/platform-config';
import { readSchemaFor } from './config/service-config';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { createValidationPipe } from './errors/validation';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { InboxConsumerMetrics } from './pipeline/inbox-consumer-metrics';
import { IdempotencyPurger } from './idempotency/idempotency-purger';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { CommandMetricsInterceptor } from './observability/command-metrics.interceptor';
import { HealthController } from './observability/health.controller';
import { HealthRegistry } from './observability/health-registry';
import { KafkaProbe, postgresProbe } from './observability/infrastructure-probes';
import { loggerParams } from './observability/logger-params';
import { Metrics } from './observability/metrics';
import { MetricsController } from './observability/metrics.controller';
import { TimerHandlers } from './timers/timer-handlers';
import { TimerRunner } from './timers/timer-runner';
import { clockRegistration } from './test-clock/test-clock.registration';
import { CLOCK, EVENT_STORE, PG_POOL, PLATFORM_CONFIG, SERVICE_INFO, ServiceInfo } from './tokens';

export interface PlatformModuleOptions<C extends PlatformConfig = PlatformConfig> {
  /** e.g. `customers`; names the logs, metrics and Kafka client. */
  readonly serviceName: string;
  /** PostgreSQL schema of the service's event store and idempotency keys. */
  readonly schema: string;
  /** Schema of its read models; default `<schema>_read`. */
  readonly readSchema?: string;
  /** Loaded with `loadConfig(YourConfig)`; provided as PLATFORM_CONFIG, PlatformConfig and its own class. */
  readonly config: C;
  /** Replaces the system clock (tests); under NODE_ENV=test `/test/clock` can move it further. */
  readonly clock?: Clock;
  /** How often due timers are looked for (default 1 s). */
  readonly timerIntervalMs?: number;
  /** The service's default policy documents (its v1 rules), adopted on first boot. */
  readonly policies?: readonly PolicyDocument[];
  /** Where the logs go instead of stdout (tests read them back with `LogCapture`). */
  readonly logDestination?: DestinationStream;
}

/**
 * The service shell (architecture §7, §8) as one global module: config, PostgreSQL pool, event
 * store, clock, durable timers, auth guards, problem+json, validation, idempotency, logs, metrics,
 * health, audit.
 */
@Module({})
export class PlatformModule {
  static forService<C extends PlatformConfig>(options: PlatformModuleOptions<C>): DynamicModule {
    const { serviceName, schema, config } = options;
    const readSchema = options.readSchema ?? readSchemaFor(schema);
    const name = config.SERVICE_NAME ?? serviceName;
    const configClass = config.constructor as new () => C;
    const clock = clockRegistration(config.NODE_ENV, options.clock ?? new SystemClock());
    const providers: Provider[] = [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: PlatformConfig, useValue: config },
      ...(configClass !== PlatformConfig ? [{ provide: configClass, useValue: config }] : []),
      { provide: SERVICE_INFO, useValue: { serviceName: name, schema, readSchema } satisfies ServiceInfo },
      ...clock.providers,
      { provide: PG_POOL, useFactory: (): Promise<Pool> => connectServicePool(config, name) },
      {
        provide: ReadModelAccess,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => new ReadModelAccess(pool, readSchema, config.READ_MODEL_ROLE),
      },
      { provide: Metrics, useFactory: () => new Metrics(name) },
      InboxConsumerMetrics,
      { provide: InboxConsumerRegistry, useValue: new InboxConsumerRegistry() },
      {
        provide: EVENT_STORE,
        inject: [PG_POOL, Metrics],
        useFactory: async (pool: Pool, metrics: Metrics): Promise<EventStore> =>
          instrumentEventStore(await createEventStore(config, pool, schema), metrics),
      },
      {
        provide: IdempotencyStore,
        inject: [PG_POOL],
        useFactory: async (pool: Pool): Promise<IdempotencyStore> => {
          const store = new IdempotencyStore(pool, schema);
          await store.migrate();
          return store;
        },
      },
      {
        provide: IdempotencyPurger,
        inject: [IdempotencyStore],
        useFactory: (store: IdempotencyStore) =>
          new IdempotencyPurger(store, config.IDEMPOTENCY_RETENTION_HOURS),
      },
      { provide: KafkaProbe, useFactory: () => new KafkaProbe(name, config.kafkaBrokers()) },
      {
        provide: HealthRegistry,
        inject: [PG_POOL, KafkaProbe],
        useFactory: (pool: Pool, kafka: KafkaProbe): HealthRegistry => {
          const registry = new HealthRegistry();
          registry.register('postgres', postgresProbe(pool));
          registry.register('kafka', kafka.probe);
          return registry;
        },
      },
      {
        provide: TokenVerifier,
        useFactory: () =>
          new TokenVerifier({
            ...(config.JWT_JWKS_URL !== undefined ? { jwksUrl: config.JWT_JWKS_URL } : {}),
            ...(config.JWT_SECRET !== undefined ? { secret: config.JWT_SECRET } : {}),
          }),
      },
      {
        provide: PolicyRegistry,
        inject: [EVENT_STORE],
        useFactory: (store: EventStore) => new PolicyRegistry(store),
      },
      {
        provide: PolicySeeder,
        inject: [PolicyRegistry],
        useFactory: (registry: PolicyRegistry) => new PolicySeeder(registry, options.policies ?? []),
      },
      {
        provide: DurableTimers,
        inject: [PG_POOL, CLOCK],
        useFactory: async (pool: Pool, clock: Clock): Promise<DurableTimers> => {
          const timers = new DurableTimers({ pool, schema, clock });
          await timers.migrate();
          return timers;
        },
      },
      { provide: TimerHandlers, useValue: new TimerHandlers() },
      {
        provide: TimerRunner,
        inject: [DurableTimers, TimerHandlers, HealthRegistry],
        useFactory: (timers: DurableTimers, handlers: TimerHandlers, health: HealthRegistry) =>
          new TimerRunner(timers, handlers, health, options.timerIntervalMs),
      },
      PlatformLifecycle,
      // Order matters: authentication before the role check; idempotency outside the timing.
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
      { provide: APP_GUARD, useClass: InputSafetyGuard },
      { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      { provide: APP_PIPE, useFactory: createValidationPipe },
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      { provide: APP_INTERCEPTOR, useClass: CommandMetricsInterceptor },
    ];
    return {
      module: PlatformModule,
      global: true,
      imports: [LoggerModule.forRoot(loggerParams(name, config.LOG_LEVEL, options.logDestination))],
      controllers: [
        HealthController,
        MetricsController,
        AuditController,
        PoliciesController,
        DeadLettersController,
        ...clock.controllers,
      ],
      providers,
      exports: [
        PLATFORM_CONFIG,
        PlatformConfig,
        ...(configClass !== PlatformConfig ? [configClass] : []),
        SERVICE_INFO,
        CLOCK,
        PG_POOL,
        EVENT_STORE,
        IdempotencyStore,
        IdempotencyPurger,
        DurableTimers,
        TimerHandlers,
        PolicyRegistry,
        Metrics,
        InboxConsumerMetrics,
        InboxConsumerRegistry,
        HealthRegistry,
        TokenVerifier,
      ],
    };
  }
}
