import { Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import type { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../tokens';
import { configureApp } from './configure-app';

export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface BootstrapOptions {
  readonly serviceName: string;
  /** Used when the PORT variable is unset. */
  readonly port: number;
}

/** Starts a service: pino logs, JSON body limit, problem+json, validation, OpenAPI, graceful shutdown. */
export const bootstrapService = async (
  appModule: Type<unknown>,
  options: BootstrapOptions,
): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(appModule, {
    bufferLogs: true,
    bodyParser: false,
    rawBody: false,
  });
  configureApp(app);
  app.enableShutdownHooks();
  const port = app.get<PlatformConfig>(PLATFORM_CONFIG).PORT ?? options.port;
  const server = app.getHttpServer() as Server;
  // Node's 5 s default equals the idle timeout of Node's own client agents (and is below most load
  // balancers'), so the server could close a kept-alive socket just as a client reused it: the
  // client saw "socket hang up" (1 in 4,500 requests in the e2e benchmark). The client must be the
  // side that gives up on an idle connection first.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await app.listen(port);
  // The bound port, not the requested one: port 0 asks the OS for a free port.
  const address = app.getHttpServer().address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  new Logger('Bootstrap').log(
    `${options.serviceName} listening on http://localhost:${bound} (docs: http://localhost:${bound}/docs)`,
  );
  return app;
};
