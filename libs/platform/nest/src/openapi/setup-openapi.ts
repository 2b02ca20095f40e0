import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

export const DOCS_PATH = 'docs';

/** OpenAPI UI at /docs and the document at /docs-json (architecture §7); bearer JWT declared for every operation. */
export const setupOpenApi = (app: INestApplication, serviceName: string, version = '1.0.0'): void => {
  const config = new DocumentBuilder()
    .setTitle(`${serviceName} API`)
    .setDescription(
      `The ${serviceName} service. Errors are application/problem+json (RFC 9457) with a stable \`code\`. ` +
        'Commands accept an Idempotency-Key header; a repeat returns the first answer with Idempotent-Replayed: true.',
    )
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    swaggerOptions: { persistAuthorization: true },
  });
};
