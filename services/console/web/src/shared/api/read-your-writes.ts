import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Read models catch up a moment after a command (console-style §2): refetches a query until it
 * shows what the command did, or gives up after a few tries and leaves the last answer shown.
 */
export const refetchUntil = async <T, K extends QueryKey>(
  client: QueryClient,
  options: FetchQueryOptions<T, Error, T, K>,
  caughtUp: (data: T) => boolean,
  { tries = 10, delayMs = 300 }: { tries?: number; delayMs?: number } = {},
): Promise<void> => {
  for (let attempt = 0; attempt < tries; attempt += 1) {
    if (caughtUp(await client.fetchQuery({ ...options, staleTime: 0 }))) return;
    await pause(delayMs);
  }
};
