import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, OPENAPI_BUILD_ENV } from '@crm/nest';
import { CreditConfig } from './config/credit.config';
import { creditModule, SERVICE_NAME } from './credit.module';

/** The credit API's OpenAPI document, built without starting the service (docs/openapi/credit.json). */
export const creditOpenApi = (): Promise<OpenAPIObject> =>
  buildOpenApiDocument(creditModule(loadConfig(CreditConfig, OPENAPI_BUILD_ENV)), SERVICE_NAME);
