import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { correlationIdMiddleware } from '@crm/nest';
import { ConsoleAuth } from './auth/console-auth';
import type { ConsoleConfig } from './config/console.config';
import { consoleModule } from './console.module';
import { serviceProxy } from './proxy/service-proxy';
import { sessionMiddleware } from './session/session.middleware';
import { SessionStore } from './session/session-store';
import { staticAssets } from './static/static-assets';

/**
 * Order matters: correlation id, then the session (and CSRF) for /api, then the proxy streams
 * /api/<service>/… before any body parser touches it, then JSON only for the console's own routes,
 * then the web app for every other GET.
 */
export const createConsoleApp = async (config: ConsoleConfig): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(consoleModule(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const cookie = { secure: config.isProduction() };
  app.use(correlationIdMiddleware);
  app.use('/api', sessionMiddleware(app.get(SessionStore), app.get(ConsoleAuth), cookie));
  app.use(serviceProxy(config));
  app.useBodyParser('json', { limit: '16kb' });
  app.use(staticAssets(config.WEB_DIST));
  app.enableShutdownHooks();
  return app;
};
