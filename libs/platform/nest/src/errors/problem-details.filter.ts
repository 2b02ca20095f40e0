import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Observable, throwError } from 'rxjs';
import type { PlatformRequest } from '../auth/platform-request';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details';
import { renderProblem } from './render-problem';

export const sendProblem = (response: ServerResponse, body: ProblemDetails): void => {
  response.statusCode = body.status;
  response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  const retryAfter = body['retryAfterSeconds'];
  if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
  response.end(JSON.stringify(body));
};

/** Every HTTP error leaves as application/problem+json (RFC 9457); unexpected ones are logged, never detailed. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    // Kafka/RPC handlers in hybrid apps have their own error handling (retries, dead letters).
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<PlatformRequest>();
    const response = http.getResponse<ServerResponse>();
    const { body, unexpected } = renderProblem(exception, request);
    if (unexpected) {
      this.logger.error(
        { err: exception, correlationId: body['correlationId'], method: request.method, path: body.instance },
        'request failed with an unexpected error',
      );
    }
    if (response.headersSent) {
      this.logger.error({ correlationId: body['correlationId'] }, 'error after the response was sent');
      response.end();
      return;
    }
    sendProblem(response, body);
  }
}
