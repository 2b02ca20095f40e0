import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isProblem } from '@/shared/api/problem';

/** GETs retry only on network errors and 5xx, never on 4xx; mutations never retry (console-style §2). */
export const createQueryClient = () =>
  new QueryClient({
    queryCache: new QueryCache(),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 60_000,
        retry: (count, error) => count < 2 && (!isProblem(error) || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
