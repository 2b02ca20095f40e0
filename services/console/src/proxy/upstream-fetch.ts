/** Thrown when a service does not answer in time or cannot be reached. */
export class UpstreamUnavailableError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UpstreamUnavailableError';
  }
}

/** A JSON GET to a service with a bearer token and a deadline; non-2xx answers are returned, not thrown. */
export const upstreamJson = async (
  service: string,
  url: string,
  token: string,
  timeoutMs: number,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ status: number; body: unknown }> => {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { ...headers, authorization: `Bearer ${token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new UpstreamUnavailableError(service, error);
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, body };
};
