import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { configureApp } from './configure-app';

/**
 * The app exactly as `bootstrapService` configures it, initialised but not listening: hand
 * `app.getHttpServer()` to supertest and `await app.close()` in afterAll.
 */
export const createTestApp = async (appModule: Type<unknown>): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApp(app);
  await app.init();
  return app;
};
