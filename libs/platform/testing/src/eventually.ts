/**
 * Polls until `probe` yields a value other than `undefined` and returns it. Asynchronous pipelines
 * (relays, projections, consumers) get a deadline, never a fixed sleep: a test waits only as long
 * as the pipeline needs and fails with a message naming what never happened.
 */
export const eventually = async <T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
