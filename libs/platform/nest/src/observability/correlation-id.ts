import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformRequest } from '../auth/platform-request';

export const CORRELATION_HEADER = 'x-correlation-id';

// Callers may pass their own id, but it ends up in logs and events: keep it short and inert.
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's correlation id: reused when already assigned, else taken from `X-Correlation-Id`
 * or generated, then echoed on the response. Also pino-http's `genReqId`, so logs carry the same id.
 */
export const assignCorrelationId = (request: IncomingMessage, response: ServerResponse): string => {
  const req = request as { id?: unknown };
  if (typeof req.id === 'string' && req.id.length > 0) return req.id;
  const header = request.headers[CORRELATION_HEADER];
  const offered = Array.isArray(header) ? header[0] : header;
  const id = offered !== undefined && ACCEPTABLE.test(offered) ? offered : randomUUID();
  req.id = id;
  if (!response.headersSent) response.setHeader('X-Correlation-Id', id);
  return id;
};

/** Express-level middleware so even requests refused before routing (bad JSON) carry an id. */
export const correlationIdMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
): void => {
  assignCorrelationId(request, response);
  next();
};

export const correlationIdOf = (request: IncomingMessage): string | undefined => {
  const id = (request as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
};

/** The current request's correlation id (to put into CommandContext / event metadata). */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<PlatformRequest>();
  return (
    correlationIdOf(request) ?? assignCorrelationId(request, ctx.switchToHttp().getResponse<ServerResponse>())
  );
});
