import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details plus our stable `code` (architecture §7). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Stable machine-readable code clients branch on, e.g. `validation_failed`, `customer.mobile_taken`. */
  readonly code: string;
  /** The request path this occurrence happened on. */
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const problemType = (code: string): string => `urn:crm:problem:${code}`;

export const problem = (
  status: number,
  code: string,
  detail: string,
  extensions: Readonly<Record<string, unknown>> = {},
): ProblemDetails => ({
  ...extensions,
  type: problemType(code),
  title: STATUS_CODES[status] ?? 'Error',
  status,
  detail,
  code,
});

/**
 * An HttpException whose response is already a problem body; the filter renders it unchanged
 * (adding `instance` and `correlationId` only when the body has none, so a stored answer replays verbatim).
 */
export class ProblemException extends HttpException {
  readonly problem: ProblemDetails;

  constructor(body: ProblemDetails);
  constructor(status: number, code: string, detail: string, extensions?: Readonly<Record<string, unknown>>);
  constructor(
    statusOrBody: number | ProblemDetails,
    code?: string,
    detail?: string,
    extensions: Readonly<Record<string, unknown>> = {},
  ) {
    const body =
      typeof statusOrBody === 'number'
        ? problem(statusOrBody, code ?? 'error', detail ?? '', extensions)
        : statusOrBody;
    super(body, body.status);
    this.problem = body;
  }
}
