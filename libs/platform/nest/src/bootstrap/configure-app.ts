import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { PlatformConfig } from '../config/platform-config';
import { bodyParserErrorTranslator } from '../errors/body-parser-errors';
import { correlationIdMiddleware } from '../observability/correlation-id';
import { setupOpenApi } from '../openapi/setup-openapi';
import { PLATFORM_CONFIG, SERVICE_INFO, ServiceInfo } from '../tokens';

/**
 * HTTP setup shared by `bootstrapService` and `createTestApp`. The app must have been created with
 * `bodyParser: false`: the JSON parser is registered here, after the correlation id and before the
 * translator of its errors, so even a malformed body gets a correlated problem+json answer.
 */
export const configureApp = (app: NestExpressApplication): void => {
  const config = app.get<PlatformConfig>(PLATFORM_CONFIG);
  const { serviceName } = app.get<ServiceInfo>(SERVICE_INFO);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(correlationIdMiddleware);
  app.useBodyParser('json', { limit: config.JSON_BODY_LIMIT });
  app.use(bodyParserErrorTranslator);
  setupOpenApi(app, serviceName);
};
