import { post, type CommandRecord } from './http-command';
import type { ServiceName } from './profiles';

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );

export interface ReplayResult {
  readonly sent: number;
  readonly identical: number;
  /** Of the identical ones, those whose first answer came only after a crash or outage made the client retry. */
  readonly afterRetry: number;
  readonly differing: readonly string[];
}

/**
 * Every answered command is sent again with its key once the faults are over: the answer must be the
 * first one, marked as replayed, whatever crashed between the two.
 */
export const replayAnswered = async (
  baseUrl: (service: ServiceName) => string,
  commands: readonly CommandRecord[],
  concurrency = 6,
): Promise<ReplayResult> => {
  const queue = commands.filter((c) => c.answer !== undefined);
  const differing: string[] = [];
  let identical = 0;
  let afterRetry = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < queue.length) {
        const command = queue[next++] as CommandRecord;
        const first = command.answer!;
        const again = await post(baseUrl(command.service), command).catch((e: unknown) => ({
          status: 0,
          body: { error: String(e) },
          replayed: false,
        }));
        if (
          again.status === first.status &&
          again.replayed &&
          canonical(again.body) === canonical(first.body)
        ) {
          identical += 1;
          if (command.transient.length > 0) afterRetry += 1;
        } else if (differing.length < 1_000)
          differing.push(
            `${command.kind} #${command.seq}: first ${first.status} ${canonical(first.body).slice(0, 200)}; ` +
              `again ${again.status}${again.replayed ? ' (replayed)' : ''} ${canonical(again.body).slice(0, 200)}`,
          );
      }
    }),
  );
  return { sent: queue.length, identical, afterRetry, differing };
};
