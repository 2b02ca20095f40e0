import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, OPENAPI_BUILD_ENV } from '@crm/nest';
import { PenaltiesConfig } from './config/penalties.config';
import { penaltiesModule, SERVICE_NAME } from './penalties.module';

/** The penalties API's OpenAPI document, built without starting the service (docs/openapi/penalties.json). */
export const penaltiesOpenApi = (): Promise<OpenAPIObject> =>
  buildOpenApiDocument(penaltiesModule(loadConfig(PenaltiesConfig, OPENAPI_BUILD_ENV)), SERVICE_NAME);
