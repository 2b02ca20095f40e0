export interface DemoReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** JSON over HTTP as one person (their bearer token); the reply whatever its status. */
export const demoCall = async (
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  token: string,
  body?: object,
  idempotencyKey?: string,
): Promise<DemoReply> => {
  const url = `${baseUrl}${path}`;
  const res = await fetch(url, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...(idempotencyKey !== undefined ? { 'Idempotency-Key': idempotencyKey } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  }).catch((error: unknown) => {
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new Error(`${method} ${url}: ${cause} (is the service running?)`, { cause: error });
  });
  const text = await res.text();
  const parsed: unknown = text.length > 0 ? JSON.parse(text) : {};
  return {
    status: res.status,
    body: (Array.isArray(parsed) ? { items: parsed } : parsed) as Record<string, unknown>,
  };
};

/** Fails with the method, path, status and problem, so a broken seed says where it stopped. */
export const expectOneOf = (what: string, reply: DemoReply, statuses: readonly number[]): DemoReply => {
  if (!statuses.includes(reply.status)) {
    throw new Error(`${what}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  }
  return reply;
};

/** Waits for `GET /health` to answer 200, so a start script can seed right after launching the services. */
export const waitUntilHealthy = async (baseUrl: string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const healthy = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    if (Date.now() > deadline) throw new Error(`${baseUrl}/health did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
};
