import { DocumentBuilder, type OpenAPIObject } from '@nestjs/swagger';

/** The document's frame: title, how errors and retries work, and bearer JWT required by default. */
export const openApiConfig = (serviceName: string, version = '1.0.0'): Omit<OpenAPIObject, 'paths'> =>
  new DocumentBuilder()
    .setTitle(`${serviceName} API`)
    .setDescription(
      `The ${serviceName} service. Errors are application/problem+json (RFC 9457) with a stable \`code\`. ` +
        'Commands accept an Idempotency-Key header; a repeat returns the first answer with Idempotent-Replayed: true.',
    )
    .setVersion(version)
    // Relative: the host that serves the document; clients set their own base URL per environment.
    .addServer('/', 'The service that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
