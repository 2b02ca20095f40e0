import { queryOptions, useQuery } from '@tanstack/react-query';
import { consoleFetch } from '@/shared/api/clients';
import { setCsrfToken } from '@/shared/api/csrf';
import { accessFor, type SessionPerson } from './access';

export interface SessionView {
  readonly person: SessionPerson;
  readonly csrfToken: string;
  readonly expiresAt: string;
}

export const sessionQuery = queryOptions({
  queryKey: ['console', 'session'],
  queryFn: async () => {
    const session = await consoleFetch<SessionView>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
  retry: false,
});

export const useSession = () => {
  const query = useQuery(sessionQuery);
  return { ...query, person: query.data?.person, access: accessFor(query.data?.person) };
};
