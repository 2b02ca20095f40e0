/** A service's (or the console's) problem+json answer, thrown so TanStack Query sees a failure. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly body: Readonly<Record<string, unknown>>,
    readonly correlationId?: string,
  ) {
    super(detail || title || code);
    this.name = 'ApiProblem';
  }

  /** Field → message, from `errors` as the services send it (an object or a list of {field, message}). */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.body);
  }
}

export const fieldErrorsOf = (body: Readonly<Record<string, unknown>>): Record<string, string> => {
  const errors = body['errors'];
  const out: Record<string, string> = {};
  if (Array.isArray(errors)) {
    for (const e of errors) {
      if (typeof e === 'object' && e !== null) {
        const field =
          (e as { field?: unknown; property?: unknown }).field ?? (e as { property?: unknown }).property;
        const message = (e as { message?: unknown }).message;
        const constraints = (e as { constraints?: unknown }).constraints;
        const text =
          typeof message === 'string'
            ? message
            : typeof constraints === 'object' && constraints !== null
              ? Object.values(constraints).map(String).join('; ')
              : '';
        if (typeof field === 'string') out[field] = text;
      }
    }
  } else if (typeof errors === 'object' && errors !== null) {
    for (const [field, message] of Object.entries(errors)) {
      out[field] = Array.isArray(message) ? message.join('; ') : String(message);
    }
  }
  return out;
};

export const toApiProblem = (status: number, body: unknown, correlationId?: string): ApiProblem => {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const str = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  return new ApiProblem(
    status,
    str('code') || `http_${status}`,
    str('title'),
    str('detail'),
    record,
    str('correlationId') || correlationId,
  );
};

export const isProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;
