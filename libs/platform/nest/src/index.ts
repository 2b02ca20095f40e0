export * from './tokens';
export * from './platform.module';

export * from './config/platform-config';
export * from './config/service-config';
export * from './config/load-config';
export * from './config/is-connection-url';

export * from './auth/platform-request';
export * from './auth/principal';
export * from './auth/token-verifier';
export * from './auth/mint-token';
export * from './auth/public.decorator';
export * from './auth/roles.decorator';
export * from './auth/current-actor.decorator';
export * from './auth/jwt-auth.guard';
export * from './auth/roles.guard';

export * from './errors/problem-details';
export * from './errors/to-problem';
export * from './errors/render-problem';
export * from './errors/problem-details.filter';
export * from './errors/validation';

export * from './idempotency/idempotency-store';
export * from './idempotency/idempotency-purger';
export * from './idempotency/idempotency.interceptor';
export * from './idempotency/request-command-id';

export * from './paging/page-query';

export * from './observability/correlation-id';
export * from './observability/logger-params';
export * from './observability/metrics';
export * from './observability/health-registry';
export * from './observability/infrastructure-probes';
export * from './observability/command-metrics.interceptor';

export * from './audit/audit-dtos';
export * from './audit/audit.controller';

export * from './openapi/setup-openapi';
export * from './openapi/openapi-config';
export * from './openapi/openapi-document';
export * from './openapi/openapi-completeness';
export * from './openapi/api-operation';
export * from './observability/log-capture';
export * from './openapi/problem-details.schema';
export * from './openapi/actor.dto';
export * from './openapi/domain-event.dto';
export * from './bootstrap/instrumented-event-store';
export * from './bootstrap/configure-app';
export * from './bootstrap/bootstrap-service';
export * from './bootstrap/create-test-app';

export * from './pipeline/event-pipeline';
export * from './pipeline/event-pipeline.module';
export * from './pipeline/read-model-data-source';

export * from './timers/timer-handlers';
export * from './timers/timer-runner';
export * from './pipeline/inbox-consumer-metrics';
export * from './pipeline/connect-inbox-consumer';

export * from './policy/policy-dtos';
export * from './policy/policies.controller';
export * from './policy/policy-seeder';
export * from './pipeline/inbox-consumer-registry';
export * from './dead-letters/dead-letter-dtos';
export * from './dead-letters/dead-letters.controller';
export * from './fuzz/fuzz-http-api';

export * from './work-items/work-item.dto';
export * from './work-items/work-item-cursor';
export * from './work-items/work-items-reader';
export * from './work-items/work-items.controller';
export * from './work-items/work-items.module';
export * from './test-clock/test-clock.dto';
export * from './test-clock/test-clock.controller';
export * from './test-clock/test-clock.registration';
