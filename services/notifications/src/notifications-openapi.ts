import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, OPENAPI_BUILD_ENV } from '@crm/nest';
import { NotificationsConfig } from './config/notifications.config';
import { notificationsModule, SERVICE_NAME } from './notifications.module';

/** The notifications API's OpenAPI document, built without starting the service (docs/openapi/notifications.json). */
export const notificationsOpenApi = (): Promise<OpenAPIObject> =>
  buildOpenApiDocument(notificationsModule(loadConfig(NotificationsConfig, OPENAPI_BUILD_ENV)), SERVICE_NAME);
