/**
 * How a refusal maps to HTTP, decided once here instead of in every controller:
 * - `invalid`    400: the command itself is malformed beyond what DTO validation catches
 * - `forbidden`  403: the actor's role or BU may not do this
 * - `not_found`  404: the target does not exist
 * - `conflict`   409: state or version conflict, duplicate
 * - `rule`       422: a business rule refused the command (the error names the rule)
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rule';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `customer.mobile_taken`. */
    readonly code: string,
    message: string,
    /** Rule id from the reference catalog when a business rule refused, e.g. `ARC-20`. */
    readonly rule?: string,
    /** Extra facts for the problem+json body (existing ids, limits, ...). Never personal data. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
