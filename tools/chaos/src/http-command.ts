import type { ServiceName } from './profiles';

export type CommandKind = 'schedule' | 'register' | 'case' | 'confirm';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly replayed: boolean;
}

/** One command as the client sent it (the same key, actor and body on every attempt) and what it got. */
export interface CommandRecord {
  readonly seq: number;
  readonly kind: CommandKind;
  readonly service: ServiceName;
  readonly actorId: string;
  readonly token: string;
  readonly path: string;
  readonly body: object;
  readonly key: string;
  attempts: number;
  /** Attempts that got no answer: connection refused or reset, timeout, 5xx, 409 in progress. */
  readonly transient: string[];
  answer?: Answer;
}

const REQUEST_TIMEOUT_MS = 15_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const post = async (baseUrl: string, command: CommandRecord): Promise<Answer> => {
  const res = await fetch(`${baseUrl}${command.path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${command.token}`,
      'content-type': 'application/json',
      'idempotency-key': command.key,
    },
    body: JSON.stringify(command.body),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { unparsed: text.slice(0, 200) };
  }
  return { status: res.status, body, replayed: res.headers.get('idempotent-replayed') === 'true' };
};

/** Not an answer: the client cannot tell whether the command ran, so it retries with the same key. */
const transientReason = (answer: Answer): string | undefined => {
  if (answer.status >= 500) return `${answer.status} ${String(answer.body['code'] ?? '')}`.trim();
  if (answer.status === 409 && answer.body['code'] === 'idempotency_in_progress') return '409 in progress';
  return undefined;
};

/**
 * Sends until the command is answered (2xx, or a 4xx refusal) or `deadline` passes, with capped
 * exponential backoff, exactly as a careful client would: the same Idempotency-Key every time.
 */
export const sendUntilAnswered = async (
  baseUrl: (service: ServiceName) => string,
  command: CommandRecord,
  deadline: () => number,
): Promise<Answer | undefined> => {
  for (let failures = 0; ; failures++) {
    command.attempts += 1;
    let reason: string | undefined;
    try {
      const answer = await post(baseUrl(command.service), command);
      reason = transientReason(answer);
      if (reason === undefined) {
        command.answer = answer;
        return answer;
      }
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      reason = cause ?? (error as Error).name;
    }
    command.transient.push(reason);
    if (Date.now() > deadline()) return undefined;
    await sleep(Math.min(2_000, 100 * 2 ** Math.min(failures, 5)) * (0.5 + Math.random()));
  }
};
