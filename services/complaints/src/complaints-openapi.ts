import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, OPENAPI_BUILD_ENV } from '@crm/nest';
import { ComplaintsConfig } from './config/complaints.config';
import { complaintsModule, SERVICE_NAME } from './complaints.module';

/** The complaints API's OpenAPI document, built without starting the service (docs/openapi/complaints.json). */
export const complaintsOpenApi = (): Promise<OpenAPIObject> =>
  buildOpenApiDocument(complaintsModule(loadConfig(ComplaintsConfig, OPENAPI_BUILD_ENV)), SERVICE_NAME);
