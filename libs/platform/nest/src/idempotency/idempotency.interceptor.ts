import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { ServerResponse } from 'node:http';
import { Observable, catchError, from, mergeMap, of } from 'rxjs';
import type { PlatformRequest } from '../auth/platform-request';
import { ProblemDetails, ProblemException } from '../errors/problem-details';
import { renderProblem } from '../errors/render-problem';
import { COMMAND_METHODS } from '../observability/command-metrics.interceptor';
import { IdempotencyStore } from './idempotency-store';
import { requestHash } from './request-hash';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/**
 * Architecture §7: a command repeated with the same `Idempotency-Key` gets the first answer
 * (success or 4xx refusal) instead of running again. Keys are scoped per actor.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<PlatformRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    const method = request.method ?? '';
    if (header === undefined || !COMMAND_METHODS.has(method)) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY_SHAPE.test(key)) {
      throw new ProblemException(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1-255 visible ASCII characters.',
      );
    }
    const response = context.switchToHttp().getResponse<ServerResponse>();
    const path = request.originalUrl ?? request.url ?? '';
    const actorId = request.actor?.id ?? 'anonymous';
    const claim = { actorId, key, method, path, requestHash: requestHash(method, path, request.body) };
    const successStatus = this.successStatus(context, method);

    return from(this.store.claim(claim)).pipe(
      mergeMap((outcome) => {
        switch (outcome.kind) {
          case 'mismatch':
            throw new ProblemException(
              422,
              'idempotency_key_reused',
              'This Idempotency-Key was already used for a different request.',
            );
          case 'in_progress':
            throw new ProblemException(
              409,
              'idempotency_in_progress',
              'A request with this Idempotency-Key is still being processed; retry later.',
            );
          case 'replay':
            response.setHeader(REPLAYED_HEADER, 'true');
            if (outcome.status >= 400) throw new ProblemException(outcome.body as ProblemDetails);
            return of(outcome.body);
          case 'started':
            return this.runAndRecord(next, request, claim.actorId, key, successStatus);
        }
      }),
    );
  }

  private runAndRecord(
    next: CallHandler,
    request: PlatformRequest,
    actorId: string,
    key: string,
    successStatus: number,
  ): Observable<unknown> {
    return next.handle().pipe(
      // The answer is stored before it is sent, so a client that saw it always finds it on retry.
      mergeMap(async (result: unknown) => {
        await this.store.complete(actorId, key, successStatus, result === undefined ? null : result);
        return result;
      }),
      catchError(async (error: unknown) => {
        const { body } = renderProblem(error, request);
        if (body.status < 500) {
          await this.store.complete(actorId, key, body.status, body);
        } else {
          // An unexpected failure is not an answer: let the client retry with the same key.
          await this.store.release(actorId, key);
        }
        throw error;
      }),
    );
  }

  private successStatus(context: ExecutionContext, method: string): number {
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    return declared ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
  }
}
