import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { openApiDocument } from './openapi-document';

export const DOCS_PATH = 'docs';

/** OpenAPI UI at /docs and the document at /docs-json (architecture §7), the same document `buildOpenApiDocument` writes. */
export const setupOpenApi = (app: INestApplication, serviceName: string): void => {
  SwaggerModule.setup(DOCS_PATH, app, () => openApiDocument(app, serviceName), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    swaggerOptions: { persistAuthorization: true },
  });
};
