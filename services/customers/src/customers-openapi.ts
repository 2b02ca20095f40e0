import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, OPENAPI_BUILD_ENV } from '@crm/nest';
import { CustomersConfig } from './config/customers.config';
import { customersModule, SERVICE_NAME } from './customers.module';

/** The customers API's OpenAPI document, built without starting the service (docs/openapi/customers.json). */
export const customersOpenApi = (): Promise<OpenAPIObject> =>
  buildOpenApiDocument(customersModule(loadConfig(CustomersConfig, OPENAPI_BUILD_ENV)), SERVICE_NAME);
