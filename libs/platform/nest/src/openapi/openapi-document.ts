import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { openApiConfig } from './openapi-config';

/** Maps whose order carries no meaning; everything else (e.g. a schema's properties) keeps the code's order. */
const SORTED_MAPS = new Set(['paths', 'schemas', 'responses']);

const sortMaps = (value: unknown, key = ''): unknown => {
  if (Array.isArray(value)) return value.map((item) => sortMaps(item));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, sortMaps(v, k)] as const);
  if (SORTED_MAPS.has(key)) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
};

/** The service's document, in a stable key order so that a regenerated file only differs where the API did. */
export const openApiDocument = (app: INestApplication, serviceName: string): OpenAPIObject =>
  // Tags are chosen per controller (`@ApiTags`), not derived from class names.
  sortMaps(
    SwaggerModule.createDocument(app, openApiConfig(serviceName), { autoTagControllers: false }),
  ) as OpenAPIObject;

/**
 * The document of a service's root module without running it: Nest's preview mode builds the
 * module graph but calls no provider factory, so no PostgreSQL, Kafka or secret is touched.
 */
export const buildOpenApiDocument = async (
  appModule: Type<unknown>,
  serviceName: string,
): Promise<OpenAPIObject> => {
  const app = await NestFactory.create(appModule, { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app, serviceName);
  } finally {
    await app.close();
  }
};

/**
 * Configuration for building a document: defaults everywhere, and addresses that cannot be reached,
 * so a document build that tried to connect would fail instead of touching a real system.
 */
export const OPENAPI_BUILD_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'development',
  DATABASE_URL: 'postgres://openapi@unreachable.invalid:5432/none',
  KAFKA_BROKERS: 'unreachable.invalid:9092',
};
