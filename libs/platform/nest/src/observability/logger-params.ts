import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';
import type { LogLevel } from '../config/platform-config';
import { assignCorrelationId } from './correlation-id';

const QUIET_PATHS = ['/health', '/metrics'];

const REDACTED = '[Redacted]';

/**
 * `/x?mobile=138…&page=2` → `/x?mobile=[Redacted]&page=[Redacted]`: the parameter names stay (what
 * was asked is still readable), their values - possibly a name or a mobile number - never reach a log.
 */
export const redactQueryValues = (url: string): string => {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter((part) => part.length > 0)
    .map((part) => `${part.split('=')[0] ?? ''}=${REDACTED}`);
  return `${url.slice(0, at)}?${names.join('&')}`;
};

interface SerializedRequest {
  readonly url?: string;
  readonly [key: string]: unknown;
}

/**
 * nestjs-pino settings: JSON logs, one correlation id per request, no credentials and no personal
 * data in logs (query values, request and response bodies are redacted). `destination`: where the
 * lines go (default stdout); tests pass one to read what a service logged.
 */
export const loggerParams = (
  serviceName: string,
  level: LogLevel,
  destination?: DestinationStream,
): Params => {
  const options: Options = {
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
    serializers: {
      req: (req: SerializedRequest) => ({
        ...req,
        ...(typeof req.url === 'string' ? { url: redactQueryValues(req.url) } : {}),
      }),
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'req.query',
        'req.body',
        'res.body',
        'body',
        '*.body',
      ],
      censor: REDACTED,
    },
  };
  return { pinoHttp: destination === undefined ? options : [options, destination] };
};
