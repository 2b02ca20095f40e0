import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { LogLevel } from '../config/platform-config';
import { assignCorrelationId } from './correlation-id';

const QUIET_PATHS = ['/health', '/metrics'];

/** nestjs-pino settings: JSON logs, one correlation id per request, no credentials in logs. */
export const loggerParams = (serviceName: string, level: LogLevel): Params => ({
  pinoHttp: {
    level,
    base: { service: serviceName },
    genReqId: (request: IncomingMessage, response: ServerResponse) => assignCorrelationId(request, response),
    customProps: (request: IncomingMessage) => ({ correlationId: (request as { id?: unknown }).id }),
    // Scrapes and probes every few seconds would drown the request log.
    autoLogging: { ignore: (request) => QUIET_PATHS.some((p) => (request.url ?? '').startsWith(p)) },
    customLogLevel: (_request, response, error) =>
      error !== undefined || response.statusCode >= 500
        ? 'error'
        : response.statusCode >= 400
          ? 'warn'
          : 'info',
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  },
});
