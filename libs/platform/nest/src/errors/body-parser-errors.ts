import type { IncomingMessage, ServerResponse } from 'node:http';
import { ProblemException } from './problem-details';

interface BodyParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly message?: unknown;
}

/**
 * Express error middleware placed right after the body parsers: turns their errors into problems
 * with stable codes (Nest would otherwise report malformed JSON as a generic 400 and an oversized
 * or wrongly encoded body as a 500).
 */
export const bodyParserErrorTranslator = (
  error: unknown,
  _request: IncomingMessage,
  _response: ServerResponse,
  next: (error?: unknown) => void,
): void => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as BodyParserError;
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (typeof e.type !== 'string' || status === undefined || status < 400 || status >= 500) {
    next(error);
    return;
  }
  if (e.type === 'entity.parse.failed') {
    next(
      new ProblemException(400, 'malformed_json', `The request body is not valid JSON: ${String(e.message)}`),
    );
  } else if (e.type === 'entity.too.large') {
    next(new ProblemException(413, 'payload_too_large', 'The request body is too large.'));
  } else {
    next(
      new ProblemException(
        status,
        'unreadable_body',
        `The request body cannot be read: ${String(e.message)}`,
      ),
    );
  }
};
