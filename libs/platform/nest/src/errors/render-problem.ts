import { correlationIdOf } from '../observability/correlation-id';
import type { PlatformRequest } from '../auth/platform-request';
import { ProblemDetails } from './problem-details';
import { internalErrorProblem, toProblem } from './to-problem';

export interface RenderedProblem {
  readonly body: ProblemDetails;
  /** True when the error was not a known client or domain error: the caller logs it. */
  readonly unexpected: boolean;
}

const pathOf = (request: PlatformRequest): string =>
  (request.originalUrl ?? request.url ?? '').split('?')[0] ?? '';

/** The exact problem body a request gets for an exception (shared by the filter and idempotency). */
export const renderProblem = (exception: unknown, request: PlatformRequest): RenderedProblem => {
  const known = toProblem(exception);
  const body = known ?? internalErrorProblem();
  return {
    // A replayed (stored) body keeps the instance and correlation id of the request that produced it.
    body: {
      ...body,
      instance: body.instance ?? pathOf(request),
      correlationId: body['correlationId'] ?? correlationIdOf(request),
    },
    unexpected: known === undefined || body.status >= 500,
  };
};
