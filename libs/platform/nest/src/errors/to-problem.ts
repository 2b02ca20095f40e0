import { HttpException } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@crm/event-sourcing';
import { DuplicateEventIdError, WrongExpectedVersionError } from '@crm/event-store';
import { isTransientInfrastructureError } from '@crm/messaging';
import { ProblemDetails, ProblemException, problem } from './problem-details';

const DOMAIN_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

const HTTP_CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_content',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

/** What a client is told to wait when the database is unavailable or its pool exhausted. */
export const RETRY_AFTER_SECONDS = 2;

export const INTERNAL_ERROR_DETAIL =
  'An unexpected error occurred. Quote the correlation id when reporting it.';

const codeForStatus = (status: number): string => HTTP_CODES[status] ?? `http_${status}`;

const httpExceptionDetail = (exception: HttpException): string => {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;
  return exception.message;
};

/** Errors raised by body parsing and other http-errors style code: a client status they chose to expose. */
const exposedClientError = (error: unknown): number | undefined => {
  if (!(error instanceof Error)) return undefined;
  const { status, statusCode, expose } = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
  };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 && expose === true ? code : undefined;
};

/**
 * The one place an exception becomes an HTTP answer. Used by the exception filter and by the
 * idempotency interceptor (which stores refusals so that a retry gets the same answer).
 * `undefined` means "unexpected": the caller answers 500 and logs the error.
 */
export const toProblem = (exception: unknown): ProblemDetails | undefined => {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof DomainError) {
    return problem(DOMAIN_STATUS[exception.kind] ?? 400, exception.code, exception.message, {
      ...(exception.rule !== undefined ? { rule: exception.rule } : {}),
      ...(exception.details !== undefined ? { details: exception.details } : {}),
    });
  }
  if (exception instanceof WrongExpectedVersionError) {
    return problem(
      409,
      'concurrency_conflict',
      'The resource was changed concurrently; reload it and retry.',
      {
        streamId: exception.streamId,
        expectedVersion: exception.expected,
        actualVersion: exception.actual,
      },
    );
  }
  if (exception instanceof DuplicateEventIdError) {
    return problem(409, 'duplicate_event_id', exception.message);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return problem(status, codeForStatus(status), httpExceptionDetail(exception));
  }
  if (isTransientInfrastructureError(exception)) {
    // Not the request's fault and likely gone soon: the client should retry, with the same key.
    return problem(
      503,
      'database_unavailable',
      'The database is unavailable or busy; retry shortly with the same Idempotency-Key.',
      { retryAfterSeconds: RETRY_AFTER_SECONDS },
    );
  }
  const exposed = exposedClientError(exception);
  if (exposed !== undefined) {
    return problem(exposed, codeForStatus(exposed), (exception as Error).message);
  }
  return undefined;
};

export const internalErrorProblem = (): ProblemDetails =>
  problem(500, 'internal_error', INTERNAL_ERROR_DETAIL);
