import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces unknown errors with "Internal server error"; registered on a
 * KafkaInboxTransport app it lets the original error through, so retries and the `dlq-error`
 * header see what really failed.
 */
@Catch()
export class KafkaInboxExceptionFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
