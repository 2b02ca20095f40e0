import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per submission: kept while the same form values are retried (a double click or
 * a retry after a network error reaches the service with the same key and cannot act twice), renewed
 * when the values change.
 */
export const useIdempotencyKey = (): ((values: unknown) => string) => {
  const last = useRef<{ fingerprint: string; key: string } | undefined>(undefined);
  return useCallback((values: unknown) => {
    const fingerprint = JSON.stringify(values ?? null);
    if (last.current?.fingerprint !== fingerprint) last.current = { fingerprint, key: crypto.randomUUID() };
    return last.current.key;
  }, []);
};

export const idempotencyHeaders = (key: string) => ({ 'Idempotency-Key': key });
