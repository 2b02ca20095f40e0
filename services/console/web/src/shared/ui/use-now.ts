import { useEffect, useState } from 'react';

/** One clock tick for countdowns: the browser's clock, which Playwright's page.clock controls in tests. */
export const useNow = (intervalMs = 1000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
};
