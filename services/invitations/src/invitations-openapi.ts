import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, loadConfig, OPENAPI_BUILD_ENV } from '@crm/nest';
import { InvitationsConfig } from './config/invitations.config';
import { invitationsModule, SERVICE_NAME } from './invitations.module';

/** The invitations API's OpenAPI document, built without starting the service (docs/openapi/invitations.json). */
export const invitationsOpenApi = (): Promise<OpenAPIObject> =>
  buildOpenApiDocument(invitationsModule(loadConfig(InvitationsConfig, OPENAPI_BUILD_ENV)), SERVICE_NAME);
