import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { randomUUID } from 'node:crypto';
import { problem, sendProblem } from '@crm/nest';
import { SERVICES, type ConsoleConfig, type ServiceName } from '../config/console.config';
import { sessionOf } from '../session/request-session';

/** Request headers a service may see; the cookie and anything else stay at the console. */
const FORWARDED_REQUEST = [
  'content-type',
  'content-length',
  'accept',
  'accept-language',
  'idempotency-key',
  'if-match',
];
const FORWARDED_RESPONSE = [
  'content-type',
  'content-length',
  'etag',
  'location',
  'retry-after',
  'x-correlation-id',
];

const PREFIX = /^\/api\/([a-z]+)(\/.*)?$/;

export const proxyTarget = (url: string): { service: ServiceName; path: string } | undefined => {
  const match = PREFIX.exec(url);
  if (!match) return undefined;
  const service = match[1] as ServiceName;
  if (!SERVICES.includes(service)) return undefined;
  const path = match[2] ?? '/';
  return { service, path };
};

/**
 * `/api/<service>/…` → the service, with the session's bearer token: status and problem+json pass
 * through unchanged, bodies stream both ways, nothing is cached, each call has a deadline.
 */
export const serviceProxy =
  (config: ConsoleConfig) =>
  (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const target = proxyTarget(request.url ?? '');
    if (target === undefined) {
      next();
      return;
    }
    const session = sessionOf(request);
    const instance = (request.url ?? '').split('?')[0];
    if (session === undefined) {
      sendProblem(response, { ...problem(401, 'console.signed_out', 'sign in first'), instance });
      return;
    }
    const correlationId = (request as { id?: string }).id ?? randomUUID();
    const headers: Record<string, string> = {
      authorization: `Bearer ${session.accessToken}`,
      'x-correlation-id': correlationId,
    };
    for (const name of FORWARDED_REQUEST) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const url = new URL(config.serviceUrl(target.service) + target.path);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(
      url,
      { method: request.method, headers, timeout: config.UPSTREAM_TIMEOUT_MS },
      (answer) => {
        response.statusCode = answer.statusCode ?? 502;
        for (const name of FORWARDED_RESPONSE) {
          const value = answer.headers[name];
          if (value !== undefined) response.setHeader(name, value);
        }
        response.setHeader('Cache-Control', 'no-store');
        answer.pipe(response);
      },
    );
    const unavailable = (reason: string): void => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      sendProblem(response, {
        ...problem(503, 'console.service_unavailable', `${target.service} is unavailable (${reason})`, {
          service: target.service,
          correlationId,
        }),
        instance,
      });
    };
    upstream.on('timeout', () => upstream.destroy(new Error('timed out')));
    upstream.on('error', (error) => unavailable(error.message));
    request.pipe(upstream);
  };
