import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { ServerResponse } from 'node:http';
import { Observable, from, lastValueFrom } from 'rxjs';
import { withSharedTransaction } from '@crm/event-store';
import type { PlatformRequest } from '../auth/platform-request';
import { ProblemDetails, ProblemException } from '../errors/problem-details';
import { renderProblem } from '../errors/render-problem';
import { COMMAND_METHODS } from '../observability/command-metrics.interceptor';
import { isReadByBody } from '../openapi/api-operation';
import {
  IdempotencyKeyTaken,
  IdempotencyStore,
  type IdempotencyRequest,
  type StoredAnswer,
} from './idempotency-store';
import { idempotentCommandId, withRequestCommandId } from './request-command-id';
import { requestHash } from './request-hash';
import { PlatformConfig } from '../config/platform-config';
import { PLATFORM_CONFIG } from '../tokens';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/**
 * Architecture §7: a command repeated with the same `Idempotency-Key` gets the first answer
 * (success or 4xx refusal) instead of running again. Keys are scoped per actor.
 *
 * The request runs inside one shared transaction that every unit of work joins; its answer is
 * written in that transaction before the commit, so the effects and the answer are stored
 * together or not at all. The command id derives from the key, so the command path also knows a
 * command it has already stored. A duplicate arriving meanwhile waits for the first transaction
 * and replays its answer (409 `idempotency_in_progress` only when the first takes too long).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly hashSecret: string;

  constructor(
    private readonly store: IdempotencyStore,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
  ) {
    this.hashSecret = config.idempotencyHashSecret();
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<PlatformRequest>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    const method = request.method ?? '';
    if (header === undefined || !COMMAND_METHODS.has(method) || isReadByBody(context.getHandler())) {
      return next.handle();
    }
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
    const claim = {
      actorId,
      key,
      method,
      path,
      requestHash: requestHash(this.hashSecret, method, path, request.body),
    };
    const successStatus = this.successStatus(context, method);
    return from(this.run(next, request, response, claim, successStatus));
  }

  private async run(
    next: CallHandler,
    request: PlatformRequest,
    response: ServerResponse,
    claim: IdempotencyRequest,
    successStatus: number,
  ): Promise<unknown> {
    const earlier = await this.store.lookup(claim);
    if (earlier !== undefined) return this.replay(earlier, response);
    const transaction = this.store.transactionFor(claim);
    const commandId = idempotentCommandId(claim.actorId, claim.method, claim.path, claim.key);
    let result: unknown;
    try {
      result = await withSharedTransaction(transaction, () =>
        withRequestCommandId(commandId, () => lastValueFrom(next.handle(), { defaultValue: undefined })),
      );
      const body = result === undefined ? null : result;
      await transaction.commit((client) => this.store.answerWithin(client, claim, successStatus, body));
      return result;
    } catch (error) {
      await transaction.rollback();
      return this.afterFailure(error, request, response, claim);
    }
  }

  /** Nothing of the request was committed: replay a duplicate's answer, store a refusal, or fail. */
  private async afterFailure(
    error: unknown,
    request: PlatformRequest,
    response: ServerResponse,
    claim: IdempotencyRequest,
  ): Promise<unknown> {
    if (error instanceof IdempotencyKeyTaken) {
      if (error.answer.kind !== 'in_progress') return this.replay(error.answer, response);
      throw new ProblemException(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still being processed; retry later.',
      );
    }
    const { body } = renderProblem(error, request);
    // An unexpected failure is not an answer: the client may retry with the same key.
    const first =
      body.status < 500
        ? await this.store.answerAlone(claim, body.status, body)
        : await this.store.lookup(claim);
    if (first !== undefined) return this.replay(first, response);
    throw error;
  }

  private replay(answer: StoredAnswer, response: ServerResponse): unknown {
    if (answer.kind === 'mismatch') {
      throw new ProblemException(
        422,
        'idempotency_key_reused',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    response.setHeader(REPLAYED_HEADER, 'true');
    if (answer.status >= 400) throw new ProblemException(answer.body as ProblemDetails);
    return answer.body;
  }

  private successStatus(context: ExecutionContext, method: string): number {
    const declared = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined;
    return declared ?? (method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
  }
}
