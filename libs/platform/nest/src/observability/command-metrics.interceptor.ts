import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
import type { PlatformRequest } from '../auth/platform-request';
import { toProblem } from '../errors/to-problem';
import { isReadByBody } from '../openapi/api-operation';
import { CommandOutcome, Metrics } from './metrics';

export const COMMAND_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const outcomeOf = (error: unknown): CommandOutcome => {
  const status = toProblem(error)?.status ?? 500;
  return status >= 500 ? 'error' : 'refused';
};

/** Times every HTTP command (POST/PUT/PATCH/DELETE) as `command_latency_seconds{command="Controller.handler"}`. */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<PlatformRequest>();
    if (!COMMAND_METHODS.has(request.method ?? '') || isReadByBody(context.getHandler())) {
      return next.handle();
    }
    const command = `${context.getClass().name}.${context.getHandler().name}`;
    const started = process.hrtime.bigint();
    const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
    return next.handle().pipe(
      tap({
        complete: () => this.metrics.observeCommand(command, 'ok', seconds()),
        error: (error: unknown) => this.metrics.observeCommand(command, outcomeOf(error), seconds()),
      }),
    );
  }
}
